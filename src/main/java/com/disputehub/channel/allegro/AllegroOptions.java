package com.disputehub.channel.allegro;

import java.util.List;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.OptionSpec;
import com.disputehub.channel.OptionValues;

/** The options of an Allegro account, typed; their specs are {@link #SPECS}. */
record AllegroOptions(String authUrl, int pageSize, String endRequestText) {

    /** What the buyer reads with an END_REQUEST by default (Allegro's buyers read Polish). */
    static final String END_REQUEST_TEXT = "Uważamy, że problem został rozwiązany. Prosimy o zakończenie dyskusji.";

    static final List<OptionSpec> SPECS = List.of(
            OptionSpec.text("auth-url", "Allegro's authorization server (https://allegro.pl; the sandbox's: https://allegro.pl.allegrosandbox.pl)",
                    "https://allegro.pl"),
            OptionSpec.integer("page-size", "Issues per list page", 50, 1, 100),
            OptionSpec.text("end-request-text", "What the buyer reads when the seller asks to end a dispute (MARK_RESOLVED)", END_REQUEST_TEXT));

    static AllegroOptions of(ChannelAccount account) {
        OptionValues o = OptionValues.of(account, SPECS);
        return new AllegroOptions(o.required("auth-url"), o.integer("page-size"), o.required("end-request-text"));
    }
}
