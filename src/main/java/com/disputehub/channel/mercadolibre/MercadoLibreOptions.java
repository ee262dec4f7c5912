package com.disputehub.channel.mercadolibre;

import java.util.List;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.OptionSpec;
import com.disputehub.channel.OptionValues;

/** The options of a Mercado Libre account, typed; their specs are {@link #SPECS}. */
record MercadoLibreOptions(String userId, int pageSize) {

    static final List<OptionSpec> SPECS = List.of(
            OptionSpec.text("user-id", "The seller's Mercado Libre user id (the claims' respondent)", null).asRequired(),
            OptionSpec.integer("page-size", "Claims per search page", 30, 1, 100));

    static MercadoLibreOptions of(ChannelAccount account) {
        OptionValues o = OptionValues.of(account, SPECS);
        return new MercadoLibreOptions(o.required("user-id"), o.integer("page-size"));
    }
}
