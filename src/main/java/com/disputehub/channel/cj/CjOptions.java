package com.disputehub.channel.cj;

import java.util.List;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.OptionSpec;
import com.disputehub.channel.OptionValues;

/** The options of a CJ account, typed; their specs are {@link #SPECS}. */
record CjOptions(int refundType, int pageSize) {

    static final List<OptionSpec> SPECS = List.of(
            OptionSpec.choice("refund-type", "CJ's refundType of a dispute", "1", "1", "2"),
            OptionSpec.integer("page-size", "Supplier orders read per page", 20, 1, 1000));

    static CjOptions of(ChannelAccount account) {
        OptionValues o = OptionValues.of(account, SPECS);
        return new CjOptions(o.integer("refund-type"), o.integer("page-size"));
    }
}
