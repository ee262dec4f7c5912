package com.disputehub.channel.mirakl;

import java.util.List;
import java.util.Optional;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.OptionSpec;
import com.disputehub.channel.OptionValues;

/** The options of a Mirakl shop account, typed; their specs are {@link #SPECS}. */
record MiraklOptions(Optional<String> shopId, int pageSize) {

    static final List<OptionSpec> SPECS = List.of(
            OptionSpec.text("shop-id", "The shop, when one API key reaches several shops (shop_id on every call)", null),
            OptionSpec.integer("page-size", "Orders per OR11 page", 100, 1, 100));

    static MiraklOptions of(ChannelAccount account) {
        OptionValues o = OptionValues.of(account, SPECS);
        return new MiraklOptions(o.text("shop-id"), o.integer("page-size"));
    }
}
