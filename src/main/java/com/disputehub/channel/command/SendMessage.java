package com.disputehub.channel.command;

import java.util.ArrayList;
import java.util.List;

import com.disputehub.incident.TimelineText;
import com.disputehub.incident.TimelineText.Arg;

/**
 * A message to the buyer, the operator or both (DOMAIN M5): a reply in an existing thread when
 * {@code threadId} is given, otherwise a new thread with {@code subject} (the channel picks a subject from the
 * incident when none is given).
 */
public record SendMessage(Recipients to, String body, String subject, String threadId) implements DecisionCommand {

    /** Who receives the message. */
    public enum Recipients { BUYER, OPERATOR, BUYER_AND_OPERATOR }

    public static final int MAX_BODY = 5000;
    public static final int MAX_SUBJECT = 200;

    @Override
    public DecisionType type() {
        return DecisionType.SEND_MESSAGE;
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (to == null) {
            problems.add("'to' is required: BUYER, OPERATOR or BUYER_AND_OPERATOR");
        }
        if (body == null || body.isBlank()) {
            problems.add("'body' is required");
        } else if (body.length() > MAX_BODY) {
            problems.add("'body' is " + body.length() + " characters; at most " + MAX_BODY);
        }
        if (subject != null && subject.length() > MAX_SUBJECT) {
            problems.add("'subject' is " + subject.length() + " characters; at most " + MAX_SUBJECT);
        }
        return problems;
    }

    @Override
    public TimelineText words() {
        return threadId != null && !threadId.isBlank() ? TimelineText.of("tld.messageThread", Arg.word("recipients.", to), Arg.value(threadId))
                : subject == null || subject.isBlank() ? TimelineText.of("tld.messageNew", Arg.word("recipients.", to))
                : TimelineText.of("tld.messageNewSubject", Arg.word("recipients.", to), Arg.value(subject));
    }
}
