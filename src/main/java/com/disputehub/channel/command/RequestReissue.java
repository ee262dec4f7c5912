package com.disputehub.channel.command;

import java.util.List;

import com.disputehub.incident.TimelineText;

/**
 * Asks the supplier to send the item again (DOMAIN S2: wrong, missing or damaged goods). The message is optional: the
 * claim package says what is needed.
 */
public record RequestReissue(String message) implements DecisionCommand {

    @Override
    public DecisionType type() {
        return DecisionType.REQUEST_REISSUE;
    }

    @Override
    public List<TimelineText> problems() {
        return SupplierMessages.problems(message);
    }

    @Override
    public TimelineText words() {
        return SupplierMessages.with(TimelineText.of("tld.reissue"), message);
    }
}
