package com.disputehub.channel.command;

import java.util.List;

import com.disputehub.incident.TimelineText;
import com.disputehub.incident.TimelineText.Arg;

/**
 * Agree with the buyer's (or the platform's) proposed solution (DOMAIN A5); without {@code solutionId}, the
 * solution waiting for the seller's answer. A solution with a return needs the seller's return address.
 */
public record Agree(String solutionId, String returnAddressId) implements DecisionCommand {

    @Override
    public DecisionType type() {
        return DecisionType.AGREE;
    }

    @Override
    public List<TimelineText> problems() {
        return List.of();
    }

    @Override
    public TimelineText words() {
        return solutionId == null ? TimelineText.of("tld.agree") : TimelineText.of("tld.agreeSolution", Arg.value(solutionId));
    }
}
