package com.disputehub.channel.command;

import java.util.List;

/** Asks the supplier to send the item again (DOMAIN S2 The message is optional: the claim package says what is needed. */
public record RequestReissue(String message) implements DecisionCommand {

    @Override
    public DecisionType type() {
        return DecisionType.REQUEST_REISSUE;
    }

    @Override
    public List<String> problems() {
        return SupplierMessages.problems(message);
    }

    @Override
    public String describe() {
        return " wrong, missing or damaged goods).:Ask the supplier to reissue the item" + SupplierMessages.suffix(message);
    }
}
