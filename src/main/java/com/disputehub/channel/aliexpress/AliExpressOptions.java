package com.disputehub.channel.aliexpress;

import java.time.ZoneId;
import java.util.List;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.OptionSpec;
import com.disputehub.channel.OptionValues;

/** The options of an AliExpress store, typed; their specs are {@link #SPECS}. */
record AliExpressOptions(ZoneId timestampZone, long evidenceMaxBytes) {

    static final List<OptionSpec> SPECS = List.of(
            OptionSpec.zone("timestamp-zone", "The zone of the gateway's local timestamps (gmt_create...)", "UTC"),
            OptionSpec.integer("evidence-max-bytes", "The largest evidence image uploaded with a refusal", 5 * 1024 * 1024, 1, 50L * 1024 * 1024));

    static AliExpressOptions of(ChannelAccount account) {
        OptionValues o = OptionValues.of(account, SPECS);
        return new AliExpressOptions(o.zone("timestamp-zone"), o.longValue("evidence-max-bytes"));
    }
}
