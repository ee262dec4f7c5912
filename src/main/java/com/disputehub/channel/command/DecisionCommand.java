package com.disputehub.channel.command;

import java.util.List;

import com.disputehub.incident.Texts;
import com.disputehub.incident.TimelineText;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A decision to push to a channel; the JSON field {@code type} selects the kind. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SendMessage.class, name = "SEND_MESSAGE"),
        @JsonSubTypes.Type(value = Refund.class, name = "REFUND"),
        @JsonSubTypes.Type(value = MarkResolved.class, name = "MARK_RESOLVED"),
        @JsonSubTypes.Type(value = Agree.class, name = "AGREE"),
        @JsonSubTypes.Type(value = Refuse.class, name = "REFUSE"),
        @JsonSubTypes.Type(value = MarkDeliveryFixed.class, name = "MARK_DELIVERY_FIXED"),
        @JsonSubTypes.Type(value = SendReplacement.class, name = "SEND_REPLACEMENT"),
        @JsonSubTypes.Type(value = RecordContactAttempt.class, name = "CONTACT_ATTEMPT"),
        @JsonSubTypes.Type(value = ProvideSolution.class, name = "PROVIDE_SOLUTION"),
        @JsonSubTypes.Type(value = AskExpedite.class, name = "ASK_EXPEDITE"),
        @JsonSubTypes.Type(value = RequestReissue.class, name = "REQUEST_REISSUE"),
        @JsonSubTypes.Type(value = SubmitEvidence.class, name = "SUBMIT_EVIDENCE"),
        @JsonSubTypes.Type(value = RequestInterception.class, name = "REQUEST_INTERCEPTION"),
        @JsonSubTypes.Type(value = MarkPackageSent.class, name = "MARK_PACKAGE_SENT"),
        @JsonSubTypes.Type(value = ProvideTracking.class, name = "PROVIDE_TRACKING"),
        @JsonSubTypes.Type(value = Escalate.class, name = "ESCALATE")
})
public sealed interface DecisionCommand
        permits SendMessage, Refund, MarkResolved, Agree, Refuse, MarkDeliveryFixed, SendReplacement,
        RecordContactAttempt, ProvideSolution, AskExpedite, RequestReissue, SubmitEvidence, RequestInterception,
        MarkPackageSent, ProvideTracking, Escalate {

    DecisionType type();

    /** What is wrong with the command by itself, whatever the channel, in words each page says; empty when complete. */
    List<TimelineText> problems();

    /** Its amounts by field name, in the incident's currency: held to that currency's minor units when accepted. */
    default java.util.Map<String, java.math.BigDecimal> amounts() {
        return java.util.Map.of();
    }

    /** The names of free-text fields, the only ones a translation may set. */
    java.util.Set<String> TEXT_FIELD_NAMES = java.util.Set.of("body", "subject", "message", "reason", "note",
            "returnInstructions", "text");

    /** This decision's free-text fields (a message's body and subject, a refusal's reason...): what people write. */
    default java.util.Set<String> textFields() {
        java.util.Set<String> fields = new java.util.TreeSet<>();
        for (java.lang.reflect.RecordComponent c : getClass().getRecordComponents()) {
            if (c.getType() == String.class && TEXT_FIELD_NAMES.contains(c.getName())) {
                fields.add(c.getName());
            }
        }
        return fields;
    }

    /**
     * What is wrong with its texts whatever the decision: a control character (NUL...) or more than
     * {@link Texts#LONG} characters in any of them. Tighter limits are each decision's own.
     */
    default java.util.List<TimelineText> textProblems() {
        java.util.List<TimelineText> problems = new java.util.ArrayList<>();
        for (java.lang.reflect.RecordComponent c : getClass().getRecordComponents()) {
            if (c.getType() == String.class) {
                try {
                    TimelineText problem = Texts.problemWords(c.getName(), (String) c.getAccessor().invoke(this), Texts.LONG);
                    if (problem != null) {
                        problems.add(problem);
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return problems;
    }

    /** The decision in words each page says in its language ({@code tld.*}), for the timeline and the notices. */
    TimelineText words();

    /** The decision in one English line, as the API's timeline, its errors and the logs give it. */
    default String describe() {
        return words().english();
    }

    /** Files that go with the decision (evidence); kept with the incident when the decision is accepted. */
    default List<EvidenceFile> attachments() {
        return List.of();
    }

    /** The same decision with these files: names only in the outbox row, bytes again when it is pushed. */
    default DecisionCommand withAttachments(List<EvidenceFile> files) {
        return this;
    }
}
