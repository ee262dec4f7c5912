package com.disputehub.channel.dsers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.disputehub.channel.NormalizationException;
import com.disputehub.channel.support.BusinessCalendar;
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
 * Finds the seed's situations (DOMAIN S1..S3) in one supplier order as the AliExpress dropshipping API shows it
 * ({@code aliexpress.trade.ds.order.get} and {@code aliexpress.ds.order.tracking.get}), with the marketplace
 * complaint on the same store order and any later order for it (a reissue). A complaint about the goods becomes a
 * claim once the order is delivered ("not received" once it shipped). Each situation is its own incident,
 * {@code <order>/<SITUATION>}; one that is no longer there is resolved by a follow-up snapshot.
 */
final class DsersSituations {

    enum Situation { LATE, UNAVAILABLE, CUSTOMS, CLAIM, CANCEL }

    private static final Set<String> NOT_SHIPPED = Set.of("PLACE_ORDER_SUCCESS", "WAIT_SELLER_SEND_GOODS",
            "RISK_CONTROL", "WAIT_SELLER_EXAMINE_MONEY", "FUND_PROCESSING");
    private static final Set<String> ENDED = Set.of("FINISH", "IN_CANCEL");
    private static final Set<ReasonCategory> CLAIMS = Set.of(ReasonCategory.DAMAGED, ReasonCategory.WRONG_ITEM,
            ReasonCategory.MISSING_ITEMS, ReasonCategory.DEFECTIVE, ReasonCategory.NOT_DELIVERED);
    private static final Set<ReasonCategory> CANCELS = Set.of(ReasonCategory.BUYER_CANCELLED, ReasonCategory.WRONG_ADDRESS);

    private DsersSituations() {
    }

    static List<IncidentSnapshot> normalize(String json, JsonNode record, BusinessCalendar calendar) {
        JsonNode watch = record.path("watch");
        String orderId = text(watch, "supplierOrderId");
        String storeOrder = text(watch, "storeOrderId");
        if (orderId == null || storeOrder == null) {
            throw new NormalizationException("the record names no supplier or store order", null);
        }
        if (record.hasNonNull("error")) {
            throw new NormalizationException("supplier order " + orderId + ": " + record.get("error").asString(), null);
        }
        JsonNode order = record.path("order");
        if (!order.isObject()) {
            throw new NormalizationException("supplier order " + orderId + " has no order data", null);
        }
        Instant now = Instant.parse(record.path("checkedAt").asString());
        String status = order.path("order_status").asString("");
        String endReason = endReason(order);
        List<String> events = trackingEvents(record.path("tracking"));
        List<JsonNode> logistics = list(order.path("logistics_info_list"));
        boolean shipped = !logistics.isEmpty() || !events.isEmpty() || !NOT_SHIPPED.contains(status) && !ENDED.contains(status);
        boolean refunded = endReason != null && endReason.toLowerCase(Locale.ROOT).contains("refund");
        boolean reissued = record.path("reissuedBy").isArray() && !record.path("reissuedBy").isEmpty();
        String scope = scope(watch);
        JsonNode complaint = record.path("complaint");
        ReasonCategory complaintReason = complaint.isObject() ? ReasonCategory.valueOf(complaint.path("reason").asString("OTHER")) : null;

        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(SupplierFields.SUPPLIER_ORDER, orderId);
        attributes.put(SupplierFields.STORE_ORDER, storeOrder);
        attributes.put(SupplierFields.ORDER_STATUS, status);
        put(attributes, SupplierFields.LOGISTICS_STATUS, order.path("logistics_status").asString(null));
        attributes.put(SupplierFields.SCOPE, scope);
        put(attributes, SupplierFields.END_REASON, endReason);
        put(attributes, SupplierFields.TRACKING_NUMBER, logistics.isEmpty() ? null : logistics.get(0).path("logistics_no").asString(null));
        if (complaint.isObject()) {
            attributes.put(SupplierFields.LINKED_COMPLAINT, complaint.path("incidentId").asString());
        }
        Instant dueToShip = calendar.plusBusinessDays(Instant.parse(text(watch, "placedAt")), watch.path("handlingDays").asInt(3));
        int late = shipped || ENDED.contains(status) ? 0 : calendar.businessDaysBetween(dueToShip, now);
        if (late > 0) {
            attributes.put(SupplierFields.LATE_BUSINESS_DAYS, String.valueOf(late));
        }
        String lastEvent = events.isEmpty() ? "" : events.get(events.size() - 1);
        boolean customs = lastEvent.toLowerCase(Locale.ROOT).contains("customs")
                && !lastEvent.toLowerCase(Locale.ROOT).matches(".*(released|cleared|delivered).*");
        String rawStatus = status + (order.hasNonNull("logistics_status") ? " / " + order.get("logistics_status").asString() : "");
        ChannelDetails details = new ChannelDetails(attributes, history(record.path("tracking")));

        List<IncidentSnapshot> snapshots = new ArrayList<>();
        Base base = new Base(orderId, storeOrder, rawStatus, details, json, now);
        situation(snapshots, base, Situation.LATE, late > 0, new Reason(ReasonCategory.LATE_SHIPMENT, "LATE",
                "Not shipped, " + late + " business day(s) late"), false);
        ReasonCategory unavailable = endReason == null ? ReasonCategory.OUT_OF_STOCK : unavailableReason(endReason);
        situation(snapshots, base, Situation.UNAVAILABLE, !shipped && ENDED.contains(status) && endReason != null,
                new Reason(unavailable, endReason, order.path("end_reason_desc").asString(endReason)), reissued);
        situation(snapshots, base, Situation.CUSTOMS, customs, new Reason(ReasonCategory.CUSTOMS_HOLD, "CUSTOMS", lastEvent), false);
        boolean delivered = "buyer_accept_goods".equalsIgnoreCase(endReason)
                || lastEvent.toLowerCase(Locale.ROOT).contains("delivered");
        boolean claimable = complaintReason != null && CLAIMS.contains(complaintReason)
                && (delivered || complaintReason == ReasonCategory.NOT_DELIVERED && shipped);
        situation(snapshots, base, Situation.CLAIM, claimable,
                new Reason(complaintReason == null ? ReasonCategory.OTHER : complaintReason, "COMPLAINT",
                        complaint.path("label").asString(null)), reissued || refunded);
        situation(snapshots, base, Situation.CANCEL, complaintReason != null && CANCELS.contains(complaintReason),
                new Reason(complaintReason == null ? ReasonCategory.OTHER : complaintReason, "COMPLAINT",
                        complaint.path("label").asString(null)), refunded || ENDED.contains(status) && !shipped);
        return snapshots;
    }

    /** DOMESTIC when the registered order ships within its origin country (only those can be intercepted, S3). */
    static String scope(JsonNode watch) {
        String to = text(watch, "shipToCountry");
        return to != null && to.equals(text(watch, "shipFromCountry")) ? SupplierFields.DOMESTIC : SupplierFields.INTERNATIONAL;
    }

    /** An active situation, open or (once refunded or reissued) resolved; an absent one, resolved if it existed. */
    private static void situation(List<IncidentSnapshot> out, Base base, Situation situation, boolean active, Reason reason,
                                  boolean settled) {
        IncidentSnapshot.Builder b = IncidentSnapshot.builder(IncidentKind.SUPPLIER_CLAIM, base.orderId() + "/" + situation)
                .order(base.storeOrder(), List.of(base.orderId()))
                .details(base.details())
                .channelUpdatedAt(base.now())
                .rawPayload(base.json());
        if (active && !settled) {
            out.add(b.reason(reason).openedAt(base.now())
                    .status(IncidentStatus.NEEDS_SELLER_ACTION, base.rawStatus(), ActionOwner.SELLER).build());
        } else {
            out.add(b.followUp(true).status(IncidentStatus.RESOLVED, base.rawStatus()
                    + (settled ? " · refunded or reissued" : " · no longer " + situation.name().toLowerCase(Locale.ROOT)),
                    ActionOwner.NOBODY).build());
        }
    }

    private static ReasonCategory unavailableReason(String endReason) {
        String text = endReason.toLowerCase(Locale.ROOT).replace('_', ' ');
        if (text.contains("timeout") || text.contains("send goods")) {
            return ReasonCategory.SUPPLIER_UNRESPONSIVE;
        }
        // an end reason nobody knows stays OTHER, with the supplier's words kept (the house rule for unknown values)
        return ReasonClassifier.classify(text);
    }

    private static String endReason(JsonNode order) {
        for (JsonNode child : list(order.path("child_order_list"))) {
            String reason = child.path("end_reason").asString("");
            if (!reason.isBlank()) {
                return reason;
            }
        }
        return null;
    }

    /** The tracking events' texts, oldest first. */
    private static List<String> trackingEvents(JsonNode tracking) {
        List<String> events = new ArrayList<>();
        history(tracking).forEach(h -> events.add(h.text()));
        return events;
    }

    private static List<ChannelDetails.HistoryEntry> history(JsonNode tracking) {
        List<ChannelDetails.HistoryEntry> entries = new ArrayList<>();
        for (JsonNode line : list(tracking.path("tracking_detail_line_list"))) {
            for (JsonNode node : list(line.path("detail_node_list"))) {
                long at = node.path("time_stamp").asLong(0);
                String desc = node.path("tracking_detail_desc").asString("");
                entries.add(new ChannelDetails.HistoryEntry(at == 0 ? null : Instant.ofEpochMilli(at),
                        node.path("tracking_name").asString(null), desc.isBlank() ? node.path("tracking_name").asString("") : desc));
            }
        }
        entries.sort(java.util.Comparator.comparing(ChannelDetails.HistoryEntry::at,
                java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
        return entries;
    }

    /** TOP answers sometimes wrap a list in an object with one array field; both shapes are read. */
    static List<JsonNode> list(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else if (node.isObject() && node.size() == 1) {
            JsonNode only = node.properties().iterator().next().getValue();
            if (only.isArray()) {
                only.forEach(items::add);
            }
        }
        return items;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() || value.asString("").isBlank() ? null : value.asString();
    }

    private static void put(Map<String, String> attributes, String key, String value) {
        if (value != null && !value.isBlank()) {
            attributes.put(key, value);
        }
    }

    private record Base(String orderId, String storeOrder, String rawStatus, ChannelDetails details, String json, Instant now) {
    }
}
