package com.disputehub.channel.mirakl;

import java.util.List;
import java.util.Set;

import com.disputehub.channel.Capabilities.DecisionSpec;
import com.disputehub.channel.Capabilities.FieldSpec;
import com.disputehub.channel.Capabilities.Option;
import com.disputehub.channel.Capabilities;
import com.disputehub.channel.command.DecisionType;
import com.disputehub.channel.mirakl.model.MiraklReason;
import com.disputehub.incident.IncidentStatus;

/** What a Mirakl shop can do on an incident (DOMAIN M4..M7); it cannot open or close incidents. */
final class MiraklCapabilities {

    private static final Set<IncidentStatus> OPEN = Set.of(IncidentStatus.NEEDS_SELLER_ACTION,
            IncidentStatus.WAITING_FOR_BUYER, IncidentStatus.WAITING_FOR_PLATFORM, IncidentStatus.DECISION_SENT);
    private static final Set<IncidentStatus> REFUNDABLE = Set.of(IncidentStatus.NEEDS_SELLER_ACTION,
            IncidentStatus.WAITING_FOR_BUYER, IncidentStatus.WAITING_FOR_PLATFORM);
    /** Not once marked resolved (waiting for the operator to close). */
    private static final Set<IncidentStatus> RESOLVABLE = Set.of(IncidentStatus.NEEDS_SELLER_ACTION,
            IncidentStatus.WAITING_FOR_BUYER, IncidentStatus.DECISION_SENT);

    private MiraklCapabilities() {
    }

    static Capabilities of(List<MiraklReason> refundReasons, List<MiraklReason> closeReasons) {
        return new Capabilities(List.of(
                new DecisionSpec(DecisionType.SEND_MESSAGE, "Message to the customer, the operator or both", OPEN, List.of(
                        new FieldSpec("to", true, "Recipients", List.of(new Option("BUYER", "Customer"),
                                new Option("OPERATOR", "Operator"), new Option("BUYER_AND_OPERATOR", "Customer and operator"))),
                        FieldSpec.required("body", "The message"),
                        FieldSpec.optional("threadId", "Reply in this conversation (M12)"),
                        FieldSpec.optional("subject", "Subject of a new conversation (OR43); required without threadId"),
                        FieldSpec.optional("evidence", "Files sent with the message (M12/OR43 files), at most 30 MB in all"))),
                new DecisionSpec(DecisionType.REFUND, "Refund the line: TOTAL closes the incident, DETAILED does not",
                        REFUNDABLE, List.of(
                        new FieldSpec("mode", true, "TOTAL or DETAILED", List.of(new Option("TOTAL", "Total refund"),
                                new Option("DETAILED", "Detailed refund"))),
                        new FieldSpec("reasonCode", true, "Refund reason (RE01, type REFUND)", options(refundReasons)),
                        FieldSpec.optional("quantity", "DETAILED: number of items"),
                        FieldSpec.optional("amount", "DETAILED: product amount"),
                        FieldSpec.optional("taxes", "DETAILED: product taxes [{code, amount}]"),
                        FieldSpec.optional("shippingAmount", "DETAILED: shipping amount"),
                        FieldSpec.optional("shippingTaxes", "DETAILED: shipping taxes [{code, amount}]"))),
                new DecisionSpec(DecisionType.MARK_RESOLVED,
                        "Mark resolved once truly solved; the operator closes it after review (about 3 business days)",
                        RESOLVABLE, List.of(
                        new FieldSpec("reasonCode", true, "Resolution reason (RE01, type INCIDENT_CLOSE)",
                                options(closeReasons))))));
    }

    /** The INCIDENT_CLOSE reasons a shop may use (those not reserved to the operator). */
    static List<MiraklReason> shopCloseReasons(List<MiraklReason> closeReasons) {
        return closeReasons.stream().filter(r -> !Boolean.FALSE.equals(r.isShopRight())).toList();
    }

    private static List<Option> options(List<MiraklReason> reasons) {
        return reasons.stream().map(r -> new Option(r.code(), r.label())).toList();
    }
}
