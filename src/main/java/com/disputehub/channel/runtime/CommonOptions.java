package com.disputehub.channel.runtime;

import java.util.List;

import com.disputehub.channel.OptionSpec;

/** The options every account takes, whatever its channel: its calendar, language, reasons, rules and approvals. */
final class CommonOptions {

    static final List<OptionSpec> ALL = List.of(
            OptionSpec.zone("time-zone", "The zone of the channel's business days and deadlines", "the channel's own"),
            OptionSpec.text("holiday-country", "Business-day deadlines skip this country's public holidays (jollyday: ES, PT, NL...)", null),
            OptionSpec.text("holiday-region", "And this region's (jollyday: md for Madrid)", null),
            OptionSpec.text("holidays", "More days off, ISO dates or ranges (2026-02-15/2026-02-23), comma-separated", null),
            OptionSpec.text("locale", "The buyers' language (es_ES): bulk answers give them the text of that language", null),
            OptionSpec.text("reason-map.*", "reason-map.<code>: pins a channel's reason code to a category (DAMAGED, LATE_SHIPMENT...)", null),
            OptionSpec.text("playbook-auto", "Playbook rules that decide by themselves on this account, comma-separated", null),
            OptionSpec.choice("warn-copy-operator", "Ask before a message that goes to the buyer and the operator at once (a house "
                    + "rule of some operators: write to your account manager instead)", "no", "yes", "no"),
            OptionSpec.decimal("approval-refund-above", "Refunds above this amount wait for a supervisor (four eyes); none: never",
                    "the global disputehub.approvals.refund-above", "none"));

    private CommonOptions() {
    }
}
