package com.disputehub.channel.command;

import java.util.ArrayList;
import java.util.List;

import com.disputehub.incident.Texts;
import com.disputehub.incident.TimelineText;
import com.disputehub.incident.TimelineText.Arg;

/**
 * Marketplace: ask the platform to step in (eBay's escalate, Mercado Libre's mediation), with the reason code the
 * channel lists and a comment.
 */
public record Escalate(String reasonCode, String comments) implements DecisionCommand {

    @Override
    public DecisionType type() {
        return DecisionType.ESCALATE;
    }

    @Override
    public List<TimelineText> problems() {
        List<TimelineText> problems = new ArrayList<>();
        if (comments == null || comments.isBlank()) {
            problems.add(Texts.required("comments", "pr.why.escalate"));
        }
        if (comments != null && comments.length() > SupplierMessages.MAX) {
            problems.add(Texts.tooLong("comments", comments.length(), SupplierMessages.MAX));
        }
        return problems;
    }

    @Override
    public TimelineText words() {
        return reasonCode == null ? TimelineText.of("tld.escalate") : TimelineText.of("tld.escalateReason", Arg.value(reasonCode));
    }
}
