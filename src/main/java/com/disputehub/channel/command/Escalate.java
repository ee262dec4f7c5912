package com.disputehub.channel.command;

import java.util.ArrayList;
import java.util.List;

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
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (comments == null || comments.isBlank()) {
            problems.add("'comments' is required: tell the platform why it should step in");
        }
        if (comments != null && comments.length() > SupplierMessages.MAX) {
            problems.add("'comments' is " + comments.length() + " characters; at most " + SupplierMessages.MAX);
        }
        return problems;
    }

    @Override
    public TimelineText words() {
        return reasonCode == null ? TimelineText.of("tld.escalate") : TimelineText.of("tld.escalateReason", Arg.value(reasonCode));
    }
}
