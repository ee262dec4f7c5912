package com.disputehub.channel.dsers;

import java.util.List;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.OptionSpec;
import com.disputehub.channel.OptionValues;

/** The options of a DSers supplier account, typed; their specs are {@link #SPECS}. */
record DsersOptions(String claimLanguage, long maxEvidenceBytes, int pageSize) {

    static final List<OptionSpec> SPECS = List.of(
            OptionSpec.choice("claim-language", "The language of claim packages", "en", "en", "zh"),
            OptionSpec.integer("max-evidence-bytes", "The largest photo or video kept for a claim package", 20 * 1024 * 1024, 1, 200L * 1024 * 1024),
            OptionSpec.integer("page-size", "Supplier orders read per page", 20, 1, 1000));

    static DsersOptions of(ChannelAccount account) {
        OptionValues o = OptionValues.of(account, SPECS);
        return new DsersOptions(o.required("claim-language"), o.longValue("max-evidence-bytes"), o.integer("page-size"));
    }
}
