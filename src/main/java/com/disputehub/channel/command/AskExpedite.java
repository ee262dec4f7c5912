package com.disputehub.channel.command;

import java.util.List;

import com.disputehub.incident.TimelineText;

/** Asks the supplier to ship a late order now (DOMAIN S1, late by two business days). The message is optional: the claim package says what is needed. */
public record AskExpedite(String message) implements DecisionCommand {

    @Override
    public DecisionType type() {
        return DecisionType.ASK_EXPEDITE;
    }

    @Override
    public List<TimelineText> problems() {
        return SupplierMessages.problems(message);
    }

    @Override
    public TimelineText words() {
        return SupplierMessages.with(TimelineText.of("tld.askExpedite"), message);
    }
}
