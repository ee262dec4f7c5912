package com.disputehub.channel.command;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.disputehub.incident.Amounts;
import com.disputehub.incident.Texts;
import com.disputehub.incident.TimelineText;
import com.disputehub.incident.TimelineText.Arg;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Refuse the buyer's request (DOMAIN A5): the seller's marketplace e-mail, the cause (always "Others" on
 * AliExpress), a written reason and at least one evidence image; optionally a counter-offer amount.
 */
public record Refuse(String sellerEmail, String cause, String reason,
                     @JsonDeserialize(using = Amounts.Json.class) BigDecimal counterOfferAmount,
                     List<EvidenceFile> evidence) implements DecisionCommand {

    public static final String OTHERS = "Others";
    public static final int MAX_REASON = 2000;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public Refuse {
        cause = cause == null || cause.isBlank() ? OTHERS : cause;
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    @Override
    public Map<String, BigDecimal> amounts() {
        return counterOfferAmount == null ? Map.of() : Map.of("counterOfferAmount", counterOfferAmount);
    }

    @Override
    public DecisionType type() {
        return DecisionType.REFUSE;
    }

    @Override
    public List<TimelineText> problems() {
        List<TimelineText> problems = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            problems.add(Texts.required("reason", "pr.why.refuse"));
        } else if (reason.length() > MAX_REASON) {
            problems.add(Texts.tooLong("reason", reason.length(), MAX_REASON));
        }
        if (counterOfferAmount != null && counterOfferAmount.signum() < 0) {
            problems.add(TimelineText.of("pr.negative", TimelineText.field("counterOfferAmount")));
        }
        return problems;
    }

    /**
     * What AliExpress asks of a refusal besides the reason: the seller's e-mail, the cause "Others" and evidence.
     * Checked by channels that take these fields (their {@code validate}).
     */
    public List<String> sellerEmailCauseAndEvidenceProblems() {
        List<String> problems = new ArrayList<>();
        if (sellerEmail == null || !EMAIL.matcher(sellerEmail).matches()) {
            problems.add("'sellerEmail' is required: the e-mail of your marketplace account");
        }
        if (!OTHERS.equalsIgnoreCase(cause)) {
            problems.add("'cause' must be \"Others\", the only cause the marketplace accepts for a refusal");
        }
        if (evidence.isEmpty()) {
            problems.add("'evidence' needs at least one image that supports the refusal");
        }
        return problems;
    }

    @Override
    public List<EvidenceFile> attachments() {
        return evidence;
    }

    @Override
    public Refuse withAttachments(List<EvidenceFile> files) {
        return new Refuse(sellerEmail, cause, reason, counterOfferAmount, files);
    }

    @Override
    public TimelineText words() {
        return counterOfferAmount == null ? TimelineText.of("tld.refuse", Arg.value(evidence.size()))
                : TimelineText.of("tld.refuseCounter", Arg.values(evidence.size(), counterOfferAmount.toPlainString()));
    }
}
