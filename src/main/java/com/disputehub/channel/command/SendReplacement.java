package com.disputehub.channel.command;

import java.util.List;

import com.disputehub.incident.TimelineText;

/** Send the retailer a replacement (DOMAIN O3), optionally with return instructions (the return is at the seller's cost). */
public record SendReplacement(String returnInstructions) implements DecisionCommand {

    @Override
    public DecisionType type() {
        return DecisionType.SEND_REPLACEMENT;
    }

    @Override
    public List<TimelineText> problems() {
        return List.of();
    }

    @Override
    public TimelineText words() {
        return TimelineText.of(returnInstructions == null || returnInstructions.isBlank() ? "tld.replacement" : "tld.replacementReturn");
    }
}
