package com.disputehub.channel.command;

import java.util.List;

import com.disputehub.incident.TimelineText;

/**
 * The seller sent a claim package by hand (DOMAIN S2): a supplier without an API (DSers) only gets a claim that
 * way. Recorded, nothing sent; the incident then waits for the supplier.
 */
public record MarkPackageSent(String note) implements DecisionCommand {

    @Override
    public DecisionType type() {
        return DecisionType.MARK_PACKAGE_SENT;
    }

    @Override
    public List<TimelineText> problems() {
        return SupplierMessages.problems(note);
    }

    @Override
    public TimelineText words() {
        return SupplierMessages.with(TimelineText.of("tld.packageSent"), note);
    }
}
