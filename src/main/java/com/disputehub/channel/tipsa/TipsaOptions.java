package com.disputehub.channel.tipsa;

import java.util.List;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.OptionSpec;
import com.disputehub.channel.OptionValues;

/** The options of a Tipsa account, typed; their specs are {@link #SPECS}. */
record TipsaOptions(int lookbackDays, String soapPath, int solutionMaxLength) {

    static final int DEFAULT_SOLUTION_MAX = 250;

    static final List<OptionSpec> SPECS = List.of(
            OptionSpec.integer("lookback-days", "Days read back on the first poll", 7, 0, 60),
            OptionSpec.text("soap-path", "The SOAP endpoint's path under base-url", "/SOAP"),
            OptionSpec.integer("solution-max-length", "The longest solution text Tipsa takes", DEFAULT_SOLUTION_MAX, 1, 2000));

    static TipsaOptions of(ChannelAccount account) {
        OptionValues o = OptionValues.of(account, SPECS);
        return new TipsaOptions(o.integer("lookback-days"), o.required("soap-path"), o.integer("solution-max-length"));
    }
}
