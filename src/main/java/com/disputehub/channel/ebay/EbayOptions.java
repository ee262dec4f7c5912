package com.disputehub.channel.ebay;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.OptionSpec;
import com.disputehub.channel.OptionValues;

/** The options of an eBay account, typed; their specs (meaning, default, check) are {@link #SPECS}. */
record EbayOptions(String marketplace, boolean digitalSignatures, int lookbackDays, int pageSize, Optional<String> scopes) {

    static final List<OptionSpec> SPECS = List.of(
            OptionSpec.choice("marketplace-id", "The eBay site of the account (X-EBAY-C-MARKETPLACE-ID)", "EBAY_US",
                    "EBAY_US", "EBAY_GB", "EBAY_DE", "EBAY_FR", "EBAY_IT", "EBAY_ES", "EBAY_AU", "EBAY_CA", "EBAY_AT",
                    "EBAY_BE", "EBAY_CH", "EBAY_IE", "EBAY_NL", "EBAY_PL"),
            OptionSpec.choice("digital-signatures", "Sign refunds and return decisions (required for EU and UK sellers; needs "
                    + "credentials.signing-key and credentials.signature-key-jwe)", "false", "true", "false"),
            OptionSpec.integer("lookback-days", "How far back each pass lists inquiries, returns and cases by creation date "
                    + "(eBay allows 18 months)", 90, 1, 540),
            OptionSpec.integer("page-size", "Disputes per search page", 25, 1, 200),
            OptionSpec.text("scopes", "The OAuth scopes asked for when the token is refreshed (space-separated); none: the consent's", null));

    static EbayOptions of(ChannelAccount account) {
        OptionValues o = OptionValues.of(account, SPECS);
        return new EbayOptions(o.required("marketplace-id"), o.flag("digital-signatures"), o.integer("lookback-days"),
                o.integer("page-size"), o.text("scopes"));
    }

    /** Signatures need the key and eBay's JWE for it. */
    static List<String> problems(ChannelAccount account) {
        List<String> problems = new ArrayList<>();
        if (of(account).digitalSignatures()) {
            for (String credential : List.of("signing-key", "signature-key-jwe")) {
                if (account.option(credential).isEmpty()) {
                    problems.add("options.digital-signatures is true but credentials." + credential + " is missing");
                }
            }
        }
        return problems;
    }
}
