package com.disputehub.channel.command;

import java.util.List;

import com.disputehub.incident.Texts;
import com.disputehub.incident.TimelineText;

/**
 * "Manage with the customer" (DOMAIN C3): the seller tried to reach the customer and could not. The attempt
 * is recorded, the incident stays pending so that the seller tries again, and nothing is sent to the carrier.
 */
public record RecordContactAttempt(String note) implements DecisionCommand {

    @Override
    public DecisionType type() {
        return DecisionType.CONTACT_ATTEMPT;
    }

    @Override
    public List<TimelineText> problems() {
        return note != null && note.length() > 1000 ? List.of(Texts.tooLong("note", note.length(), 1000))
                : List.of();
    }

    @Override
    public TimelineText words() {
        return SupplierMessages.with(TimelineText.of("tld.contactAttempt"), note);
    }
}
