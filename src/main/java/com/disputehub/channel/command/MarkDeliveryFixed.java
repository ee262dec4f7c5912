package com.disputehub.channel.command;

import java.util.List;

import com.disputehub.incident.TimelineText;

/**
 * The delivery problem is solved (DOMAIN A4): the customer has the right product or the refund. It resolves
 * the incident in DisputeHub; channels where this is the seller's own bookkeeping send nothing.
 */
public record MarkDeliveryFixed(String note) implements DecisionCommand {

    @Override
    public DecisionType type() {
        return DecisionType.MARK_DELIVERY_FIXED;
    }

    @Override
    public List<TimelineText> problems() {
        return List.of();
    }

    @Override
    public TimelineText words() {
        return SupplierMessages.with(TimelineText.of("tld.deliveryFixed"), note);
    }
}
