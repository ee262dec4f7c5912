package com.disputehub.channel.command;

import java.util.List;

/** Send the retailer a replacement (DOMAIN O3), optionally with return instructions (the return is at the seller's cost). */
public record SendReplacement(String returnInstructions) implements DecisionCommand {

    @Override
    public DecisionType type() {
        return DecisionType.SEND_REPLACEMENT;
    }

    @Override
    public List<String> problems() {
        return List.of();
    }

    @Override
    public String describe() {
        return "Send a replacement" + (returnInstructions == null || returnInstructions.isBlank() ? "" : ", with return instructions");
    }
}
