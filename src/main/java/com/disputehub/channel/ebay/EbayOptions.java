package com.disputehub.channel.ebay;

import java.util.List;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.OptionSpec;

/** The options of an eBay account, with their defaults. */
final class EbayOptions {

    static final String MARKETPLACE = "marketplace-id";
    static final String SIGNATURES = "digital-signatures";
    static final String LOOKBACK = "lookback-days";
    static final String PAGE_SIZE = "page-size";

    private EbayOptions() {
    }

    static List<OptionSpec> specs() {
        return List.of(
                OptionSpec.choice(MARKETPLACE, "The eBay site of the account (X-EBAY-C-MARKETPLACE-ID)", "EBAY_US",
                        "EBAY_US", "EBAY_GB", "EBAY_DE", "EBAY_FR", "EBAY_IT", "EBAY_ES", "EBAY_AU", "EBAY_CA", "EBAY_AT",
                        "EBAY_BE", "EBAY_CH", "EBAY_IE", "EBAY_NL", "EBAY_PL"),
                OptionSpec.choice(SIGNATURES, "Sign refunds and return decisions (required for EU and UK sellers; needs "
                        + "credentials.signing-key and credentials.signature-key-jwe)", "false", "true", "false"),
                OptionSpec.integer(LOOKBACK, "How far back each pass lists inquiries, returns and cases by creation date "
                        + "(eBay allows 18 months)", 90, 1, 540),
                OptionSpec.integer(PAGE_SIZE, "Disputes per search page", 25, 1, 200));
    }

    static String marketplace(ChannelAccount account) {
        return account.option(MARKETPLACE).orElse("EBAY_US");
    }

    static boolean signs(ChannelAccount account) {
        return account.option(SIGNATURES).map(Boolean::parseBoolean).orElse(false);
    }

    static int lookbackDays(ChannelAccount account) {
        return account.option(LOOKBACK).map(Integer::parseInt).orElse(90);
    }

    static int pageSize(ChannelAccount account) {
        return account.option(PAGE_SIZE).map(Integer::parseInt).orElse(25);
    }
}
