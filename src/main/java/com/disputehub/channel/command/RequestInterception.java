package com.disputehub.channel.command;

import java.util.List;

import com.disputehub.incident.TimelineText;

/**
 * Asks the supplier to stop a shipped order and refund it (DOMAIN S3: the buyer cancelled or gave a wrong address); only
 * a domestic order can be intercepted. The message is optional: the claim package says what is needed.
 */
public record RequestInterception(String message) implements DecisionCommand {

    @Override
    public DecisionType type() {
        return DecisionType.REQUEST_INTERCEPTION;
    }

    @Override
    public List<TimelineText> problems() {
        return SupplierMessages.problems(message);
    }

    @Override
    public TimelineText words() {
        return SupplierMessages.with(TimelineText.of("tld.intercept"), message);
    }
}
