package com.disputehub.channel.cj;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.disputehub.channel.NormalizationException;
import com.disputehub.channel.support.ReasonClassifier;
import com.disputehub.incident.ActionOwner;
import com.disputehub.incident.ChannelDetails;
import com.disputehub.incident.IncidentKind;
import com.disputehub.incident.IncidentSnapshot;
import com.disputehub.incident.IncidentStatus;
import com.disputehub.incident.Reason;
import com.disputehub.incident.ReasonCategory;
import com.disputehub.incident.SupplierFields;

import tools.jackson.databind.JsonNode;

/**
 * One CJ order's claim: the buyer's complaint on the store order and CJ's disputes on the order, as one
 * incident {@code <order>/CLAIM}. Without a dispute the seller must open one; an open dispute waits for CJ;
 * a finished one (a final deal, a refund amount or a resend order) is resolved. CJ's status words are not
 * published: they are kept raw and read by keyword.
 */
final class CjClaims {

    static final String REFUND = "cj.refund";
    static final String RESEND_ORDER = "cj.resendOrder";
    static final String DISPUTE = "cj.dispute";
    private static final Set<ReasonCategory> CLAIMS = Set.of(ReasonCategory.DAMAGED, ReasonCategory.WRONG_ITEM,
            ReasonCategory.MISSING_ITEMS, ReasonCategory.DEFECTIVE, ReasonCategory.NOT_DELIVERED);

    private CjClaims() {
    }

    static List<IncidentSnapshot> normalize(String json, JsonNode record) {
        JsonNode watch = record.path("watch");
        String orderId = watch.path("supplierOrderId").asString("");
        String storeOrder = watch.path("storeOrderId").asString("");
        if (orderId.isBlank() || storeOrder.isBlank()) {
            throw new NormalizationException("the record names no CJ or store order", null);
        }
        if (record.hasNonNull("read_error")) {
            throw new NormalizationException("CJ order " + orderId + " could not be read: " + record.get("read_error").asString(), null);
        }
        JsonNode complaint = record.path("complaint");
        ReasonCategory complained = complaint.isObject() ? ReasonCategory.valueOf(complaint.path("reason").asString("OTHER")) : null;
        List<JsonNode> disputes = new ArrayList<>();
        record.path("disputes").forEach(disputes::add);
        JsonNode latest = disputes.isEmpty() ? null : disputes.get(disputes.size() - 1);
        Instant now = Instant.parse(record.path("checkedAt").asString());
        IncidentSnapshot.Builder b = IncidentSnapshot.builder(IncidentKind.SUPPLIER_CLAIM, orderId + "/CLAIM")
                .order(storeOrder, List.of(orderId)).channelUpdatedAt(now).rawPayload(json);
        boolean claim = complained != null && CLAIMS.contains(complained) || latest != null;
        if (!claim) {
            return List.of(b.followUp(true).status(IncidentStatus.RESOLVED, "no claim", ActionOwner.NOBODY).build());
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(SupplierFields.SUPPLIER_ORDER, orderId);
        attributes.put(SupplierFields.STORE_ORDER, storeOrder);
        if (complaint.isObject()) {
            attributes.put(SupplierFields.LINKED_COMPLAINT, complaint.path("incidentId").asString());
        }
        Reason reason;
        IncidentStatus status;
        ActionOwner owner;
        String rawStatus;
        if (latest == null) {
            reason = new Reason(complained, "COMPLAINT", complaint.path("label").asString(null));
            status = IncidentStatus.NEEDS_SELLER_ACTION;
            owner = ActionOwner.SELLER;
            rawStatus = "no dispute yet";
        } else {
            String disputeReason = latest.path("disputeReason").asString("");
            ReasonCategory category = complained != null ? complained : ReasonClassifier.classify(disputeReason);
            reason = new Reason(category, "DISPUTE", disputeReason.isBlank() ? null : disputeReason);
            String cjStatus = latest.path("status").asString("");
            rawStatus = "dispute " + latest.path("id").asString("?") + ": " + cjStatus;
            attributes.put(DISPUTE, latest.path("id").asString(""));
            put(attributes, REFUND, latest.path("money").asString(""));
            put(attributes, RESEND_ORDER, latest.path("resendOrderCode").asString(""));
            String s = cjStatus.toLowerCase(Locale.ROOT);
            boolean settled = latest.hasNonNull("finallyDeal") || !latest.path("resendOrderCode").asString("").isBlank()
                    || s.matches(".*(finish|complete|success|resolved|closed).*");
            if (s.contains("cancel")) {
                status = IncidentStatus.CANCELLED;
                owner = ActionOwner.NOBODY;
            } else if (s.matches(".*(reject|refuse|fail).*")) {
                status = IncidentStatus.REJECTED;
                owner = ActionOwner.NOBODY;
            } else if (settled) {
                status = IncidentStatus.RESOLVED;
                owner = ActionOwner.NOBODY;
            } else {
                status = IncidentStatus.WAITING_FOR_CARRIER_OR_SUPPLIER;
                owner = ActionOwner.CARRIER_OR_SUPPLIER;
            }
        }
        return List.of(b.reason(reason).openedAt(now).status(status, rawStatus, owner)
                .details(new ChannelDetails(attributes, List.of())).build());
    }

    private static void put(Map<String, String> attributes, String key, String value) {
        if (value != null && !value.isBlank() && !"null".equals(value)) {
            attributes.put(key, value);
        }
    }
}
