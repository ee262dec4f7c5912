package com.disputehub.channel.orderchamp;

import java.math.BigDecimal;
import java.util.List;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.OptionSpec;
import com.disputehub.channel.OptionValues;

/** The options of an Orderchamp brand, typed; their specs are {@link #SPECS}. */
record OrderchampOptions(BigDecimal problemRateThreshold) {

    static final List<OptionSpec> SPECS = List.of(
            OptionSpec.decimal("problem-rate-threshold", "Orderchamp's reported-problem rate line (O6), as a fraction", "0.05"));

    static OrderchampOptions of(ChannelAccount account) {
        return new OrderchampOptions(OptionValues.of(account, SPECS).decimal("problem-rate-threshold"));
    }
}
