package com.disputehub.channel.cj;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.disputehub.channel.Capabilities.DecisionSpec;
import com.disputehub.channel.Capabilities.FieldSpec;
import com.disputehub.channel.Capabilities;
import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ChannelAdapter;
import com.disputehub.channel.ChannelProtocolException;
import com.disputehub.channel.ChannelRejectedException;
import com.disputehub.channel.DecisionTarget;
import com.disputehub.channel.FetchResult;
import com.disputehub.channel.NormalizationException;
import com.disputehub.channel.OptionSpec;
import com.disputehub.channel.PushResult;
import com.disputehub.channel.RawRecord;
import com.disputehub.channel.Reconciliation;
import com.disputehub.channel.command.DecisionCommand;
import com.disputehub.channel.command.DecisionType;
import com.disputehub.channel.command.Refund;
import com.disputehub.channel.command.RequestReissue;
import com.disputehub.channel.support.Complaint;
import com.disputehub.channel.support.ReasonClassifier;
import com.disputehub.channel.support.SupplierScan;
import com.disputehub.incident.IncidentKind;
import com.disputehub.incident.IncidentQueries;
import com.disputehub.incident.IncidentSnapshot;
import com.disputehub.incident.IncidentStatus;
import com.disputehub.incident.OpenIncidentRef;
import com.disputehub.incident.ReasonCategory;
import com.disputehub.supplier.SupplierOrder;
import com.disputehub.supplier.SupplierOrders;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * CJ Dropshipping, the supplier that publishes dispute calls: for each registered CJ order, the buyer's
 * complaint on the store order and CJ's disputes ({@code GET disputes/getDisputeList?orderId=}); a refund or
 * reissue decision opens a dispute ({@code disputeProducts}, {@code disputeConfirmInfo}, {@code create}, with
 * the decision's key as {@code businessDisputeId}) carrying the marketplace's photo links.
 */
@Component
class CjAdapter implements ChannelAdapter {

    /** expectType of disputes/create. */
    static final int EXPECT_REFUND = 1;
    static final int EXPECT_REISSUE = 2;

    private final CjClient client;
    private final SupplierOrders orders;
    private final IncidentQueries incidents;
    private final Clock clock;

    CjAdapter(CjClient client, SupplierOrders orders, IncidentQueries incidents, Clock clock) {
        this.client = client;
        this.orders = orders;
        this.incidents = incidents;
        this.clock = clock;
    }

    @Override
    public boolean followsSupplierOrders() {
        return true;
    }

    @Override
    public String channelType() {
        return "cj";
    }

    @Override
    public List<OptionSpec> options() {
        return CjOptions.SPECS;
    }

    @Override
    public IncidentKind kind() {
        return IncidentKind.SUPPLIER_CLAIM;
    }

    @Override
    public String version() {
        return "cj-1";
    }

    @Override
    public FetchResult fetchChanges(ChannelAccount account, String cursor) {
        return SupplierScan.page(orders, account, cursor, CjOptions.of(account).pageSize(), order -> record(account, order));
    }

    @Override
    public List<RawRecord> reread(ChannelAccount account, List<OpenIncidentRef> open) {
        return SupplierScan.reread(orders, account, open, order -> record(account, order));
    }

    @Override
    public List<IncidentSnapshot> normalize(ChannelAccount account, RawRecord record) {
        try {
            return CjClaims.normalize(record.text(), CjClient.JSON.readTree(record.text()));
        } catch (JacksonException e) {
            throw new NormalizationException("the record is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public Capabilities capabilities(ChannelAccount account) {
        Set<IncidentStatus> open = Set.of(IncidentStatus.NEEDS_SELLER_ACTION);
        FieldSpec message = FieldSpec.optional("message", "What happened, for CJ (the buyer's complaint by default)");
        return new Capabilities(List.of(
                new DecisionSpec(DecisionType.REFUND, "Open a CJ dispute asking for a refund", open, List.of(message)),
                new DecisionSpec(DecisionType.REQUEST_REISSUE, "Open a CJ dispute asking to resend the item", open, List.of(message))),
                List.of(new Capabilities.Elsewhere(Set.of(DecisionType.SUBMIT_EVIDENCE),
                                "CJ takes photo links with the dispute itself: REFUND or REQUEST_REISSUE attach the photos of "
                                        + "the marketplace incident."),
                        new Capabilities.Elsewhere(Set.of(DecisionType.ASK_EXPEDITE, DecisionType.REQUEST_INTERCEPTION),
                                "CJ's dispute API asks for refunds and resends only; ask CJ's support for anything else.")));
    }

    @Override
    public PushResult push(ChannelAccount account, DecisionTarget target, DecisionCommand command, String idempotencyKey) {
        JsonNode raw = CjClient.JSON.readTree(target.rawPayload());
        String orderId = raw.path("watch").path("supplierOrderId").asString();
        JsonNode complaint = raw.path("complaint");
        List<Map<String, Object>> lines = new ArrayList<>();
        for (JsonNode p : client.get(account, "dispute products", "/disputes/disputeProducts", Map.of("orderId", orderId))
                .path("productInfoList")) {
            if (p.path("canChoose").asBoolean(false)) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("lineItemId", p.path("lineItemId").asString());
                line.put("quantity", p.path("quantity").asInt(1));
                line.put("price", p.path("price").decimalValue());
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            throw new ChannelRejectedException(422, "CJ allows no dispute on any line of order " + orderId);
        }
        JsonNode confirm = client.post(account, "dispute confirm", "/disputes/disputeConfirmInfo",
                Map.of("orderId", orderId, "productInfoList", lines), true);
        int expect = command instanceof RequestReissue ? EXPECT_REISSUE : EXPECT_REFUND;
        JsonNode reason = reason(confirm.path("disputeReasonList"), complaint.path("reason").asString("OTHER"));
        String message = message(command);
        List<String> photos = new ArrayList<>();
        complaint.path("evidence").forEach(e -> photos.add(e.asString()));
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("orderId", orderId);
        create.put("businessDisputeId", idempotencyKey);
        create.put("disputeReasonId", reason.path("disputeReasonId").asInt());
        create.put("expectType", expect);
        create.put("refundType", CjOptions.of(account).refundType());
        create.put("messageText", message != null && !message.isBlank() ? message.trim()
                : "The buyer reports: " + complaint.path("label").asString(complaint.path("reason").asString("a problem")));
        create.put("imageUrl", photos);
        create.put("productInfoList", lines);
        client.post(account, "dispute create", "/disputes/create", create, false);
        return new PushResult(IncidentStatus.WAITING_FOR_CARRIER_OR_SUPPLIER, idempotencyKey, "Dispute opened at CJ ("
                + reason.path("reasonName").asString("?") + ", asking for " + (expect == EXPECT_REISSUE ? "a resend" : "a refund")
                + ", " + photos.size() + " photo link(s))");
    }

    /**
     * A lost answer: CJ's dispute carrying this decision's {@code businessDisputeId} means it took effect. CJ does
     * not publish its list's fields nor a creation time, so another dispute on the order without that key (one
     * opened by hand, or before) cannot tell; an order without disputes was not disputed.
     */
    @Override
    public Reconciliation reconcile(ChannelAccount account, DecisionTarget target, DecisionCommand command, String idempotencyKey, Instant sentSince) {
        String orderId = CjClient.JSON.readTree(target.rawPayload()).path("watch").path("supplierOrderId").asString();
        JsonNode list = client.get(account, "disputes of " + orderId, "/disputes/getDisputeList",
                Map.of("orderId", orderId, "pageNum", 1, "pageSize", 20)).path("list");
        if (!list.isArray() || list.isEmpty()) {
            return Reconciliation.notApplied();
        }
        boolean echoes = false;
        for (JsonNode dispute : list) {
            String key = dispute.path("businessDisputeId").asString("");
            if (key.equals(idempotencyKey)) {
                return Reconciliation.applied(new PushResult(IncidentStatus.WAITING_FOR_CARRIER_OR_SUPPLIER, idempotencyKey,
                        "Dispute " + dispute.path("id").asString("?") + " found at CJ"));
            }
            echoes |= !key.isBlank();
        }
        return echoes ? Reconciliation.notApplied() : Reconciliation.unknown();
    }

    /** The order, the complaint on its store order and CJ's disputes on it, as one JSON document. */
    private RawRecord record(ChannelAccount account, SupplierOrder order) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("watch", order);
        doc.put("checkedAt", clock.instant().toString());
        incidents.complaintOn(order.storeOrderId(), account.id()).ifPresent(c -> doc.put("complaint", Complaint.of(c)));
        try {
            JsonNode list = client.get(account, "disputes of " + order.supplierOrderId(), "/disputes/getDisputeList",
                    Map.of("orderId", order.supplierOrderId(), "pageNum", 1, "pageSize", 20)).path("list");
            doc.put("disputes", list.isArray() ? list : List.of());
        } catch (ChannelProtocolException | ChannelRejectedException e) {
            // this order's answer cannot be read: kept aside with the error, its neighbours go on
            doc.put("read_error", e.getMessage());
        }
        return RawRecord.json("CJ order " + order.supplierOrderId(), CjClient.JSON.writeValueAsString(doc));
    }

    /** CJ's reason that names the complaint's category; the first one otherwise. */
    private static JsonNode reason(JsonNode reasons, String category) {
        if (!reasons.isArray() || reasons.isEmpty()) {
            throw new ChannelRejectedException(422, "CJ offers no dispute reason for this order");
        }
        for (JsonNode r : reasons) {
            if (ReasonClassifier.classify(r.path("reasonName").asString("")).name().equals(category)
                    && !ReasonCategory.OTHER.name().equals(category)) {
                return r;
            }
        }
        return reasons.get(0);
    }

    /** The seller's text; CJ gets the buyer's complaint when there is none. */
    private static String message(DecisionCommand command) {
        if (command instanceof Refund r) {
            return r.message();
        }
        return command instanceof RequestReissue r ? r.message() : null;
    }
}
