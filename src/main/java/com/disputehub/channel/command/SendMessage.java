package com.disputehub.channel.command;

import java.util.ArrayList;
import java.util.List;

import com.disputehub.incident.Texts;
import com.disputehub.incident.TimelineText;
import com.disputehub.incident.TimelineText.Arg;

/**
 * A message to the buyer, the operator or both (DOMAIN M5): a reply in an existing thread when
 * {@code threadId} is given, otherwise a new thread with {@code subject} (the channel picks a subject from the
 * incident when none is given); {@code evidence}, files sent with it where the channel takes them (M5 on Mirakl).
 */
public record SendMessage(Recipients to, String body, String subject, String threadId, List<EvidenceFile> evidence)
        implements DecisionCommand {

    public SendMessage {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** A message without files. */
    public SendMessage(Recipients to, String body, String subject, String threadId) {
        this(to, body, subject, threadId, List.of());
    }

    /** Who receives the message. */
    public enum Recipients { BUYER, OPERATOR, BUYER_AND_OPERATOR }

    public static final int MAX_BODY = 5000;
    public static final int MAX_SUBJECT = 200;

    @Override
    public DecisionType type() {
        return DecisionType.SEND_MESSAGE;
    }

    @Override
    public List<TimelineText> problems() {
        List<TimelineText> problems = new ArrayList<>();
        if (to == null) {
            problems.add(Texts.required("to", "pr.why.to"));
        }
        if (body == null || body.isBlank()) {
            problems.add(Texts.required("body", null));
        } else if (body.length() > MAX_BODY) {
            problems.add(Texts.tooLong("body", body.length(), MAX_BODY));
        }
        if (subject != null && subject.length() > MAX_SUBJECT) {
            problems.add(Texts.tooLong("subject", subject.length(), MAX_SUBJECT));
        }
        return problems;
    }

    @Override
    public TimelineText words() {
        TimelineText words = threadId != null && !threadId.isBlank()
                ? TimelineText.of("tld.messageThread", Arg.word("recipients.", to), Arg.value(threadId))
                : subject == null || subject.isBlank() ? TimelineText.of("tld.messageNew", Arg.word("recipients.", to))
                : TimelineText.of("tld.messageNewSubject", Arg.word("recipients.", to), Arg.value(subject));
        return evidence.isEmpty() ? words : words.and("tl.withFiles", Arg.value(String.join(", ",
                evidence.stream().map(EvidenceFile::fileName).toList())));
    }

    @Override
    public List<EvidenceFile> attachments() {
        return evidence;
    }

    @Override
    public SendMessage withAttachments(List<EvidenceFile> files) {
        return new SendMessage(to, body, subject, threadId, files);
    }
}
