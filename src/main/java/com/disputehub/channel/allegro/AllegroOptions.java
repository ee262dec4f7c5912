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
            OptionSpec.text("auth-url", "Allegro's authorization server; by default the API's host without 'api.' "
                    + "(https://allegro.pl, or https://allegro.pl.allegrosandbox.pl for the sandbox), or the base URL itself", null),
            OptionSpec.integer("page-size", "Issues per list page", 50, 1, 100),
            OptionSpec.text("end-request-text", "What the buyer reads when the seller asks to end a dispute (MARK_RESOLVED)", END_REQUEST_TEXT));

    static AllegroOptions of(ChannelAccount account) {
        OptionValues o = OptionValues.of(account, SPECS);
        return new AllegroOptions(o.text("auth-url").orElseGet(() -> authServer(account.baseUrl())), o.integer("page-size"),
                o.required("end-request-text"));
    }

    /** https://api.allegro.pl → https://allegro.pl (the same for the sandbox); any other host: the base URL itself. */
    static String authServer(java.net.URI api) {
        String host = api.getHost();
        return host != null && host.startsWith("api.") ? api.getScheme() + "://" + host.substring(4) : api.toString();
    }
}
