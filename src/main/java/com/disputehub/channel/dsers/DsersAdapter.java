package com.disputehub.channel.dsers;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
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
import com.disputehub.channel.command.EvidenceFile;
import com.disputehub.channel.command.MarkPackageSent;
import com.disputehub.channel.command.RequestInterception;
import com.disputehub.channel.shared.aliexpress.AliExpressClient;
import com.disputehub.channel.support.BusinessCalendar;
import com.disputehub.channel.support.Complaint;
import com.disputehub.channel.support.EvidenceImages;
import com.disputehub.channel.support.SupplierScan;
import com.disputehub.incident.IncidentFiles;
import com.disputehub.incident.IncidentKind;
import com.disputehub.incident.IncidentQueries;
import com.disputehub.incident.IncidentSnapshot;
import com.disputehub.incident.IncidentStatus;
import com.disputehub.incident.OpenIncidentRef;
import com.disputehub.incident.SupplierFields;
import com.disputehub.supplier.SupplierOrder;
import com.disputehub.supplier.SupplierOrders;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Supplier after-sales for DSers / Tmall (DOMAIN S1..S4). DSers publishes no dispute API, so this channel reads
 * what exists, the AliExpress dropshipping order and tracking calls (signed like the marketplace calls), for the
 * supplier orders registered through {@code PUT /api/accounts/{id}/supplier-orders}; and a decision produces a
 * claim package (a file kept with the incident) and a task that waits for the supplier, closed when the refund
 * or the reissue shows up in the synced order data.
 */
@Component
class DsersAdapter implements ChannelAdapter {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final AliExpressClient client;
    private final SupplierOrders orders;
    private final IncidentQueries incidents;
    private final IncidentFiles files;
    private final Clock clock;

    DsersAdapter(AliExpressClient client, SupplierOrders orders, IncidentQueries incidents, IncidentFiles files, Clock clock) {
        this.client = client;
        this.orders = orders;
        this.incidents = incidents;
        this.files = files;
        this.clock = clock;
    }

    @Override
    public boolean followsSupplierOrders() {
        return true;
    }

    @Override
    public String channelType() {
        return "dsers";
    }

    @Override
    public List<OptionSpec> options() {
        return DsersOptions.SPECS;
    }

    @Override
    public IncidentKind kind() {
        return IncidentKind.SUPPLIER_CLAIM;
    }

    @Override
    public String version() {
        return "dsers-1";
    }

    @Override
    public FetchResult fetchChanges(ChannelAccount account, String cursor) {
        return SupplierScan.page(orders, account, cursor, DsersOptions.of(account).pageSize(), order -> record(account, order));
    }

    @Override
    public List<RawRecord> reread(ChannelAccount account, List<OpenIncidentRef> open) {
        return SupplierScan.reread(orders, account, open, order -> record(account, order));
    }

    @Override
    public List<IncidentSnapshot> normalize(ChannelAccount account, RawRecord record) {
        try {
            return DsersSituations.normalize(record.text(), JSON.readTree(record.text()), calendar(account));
        } catch (JacksonException e) {
            throw new NormalizationException("the record is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public Capabilities capabilities(ChannelAccount account) {
        Set<IncidentStatus> open = Set.of(IncidentStatus.NEEDS_SELLER_ACTION, IncidentStatus.WAITING_FOR_CARRIER_OR_SUPPLIER);
        FieldSpec message = FieldSpec.optional("message", "Anything the supplier should know");
        return new Capabilities(List.of(
                new DecisionSpec(DecisionType.REFUND, "Ask the supplier for a refund (whole order)", open, List.of(message)),
                new DecisionSpec(DecisionType.ASK_EXPEDITE, "Ask the supplier to ship the late order now", open, List.of(message)),
                new DecisionSpec(DecisionType.REQUEST_REISSUE, "Ask the supplier to send the item again", open, List.of(message)),
                new DecisionSpec(DecisionType.SUBMIT_EVIDENCE, "Send the buyer's photos or video to the supplier", open,
                        List.of(message, FieldSpec.required("evidence", "JPEG, PNG or MP4 files"))),
                new DecisionSpec(DecisionType.REQUEST_INTERCEPTION, "Ask the supplier to stop a domestic parcel", open, List.of(message)),
                new DecisionSpec(DecisionType.MARK_PACKAGE_SENT, "You sent the claim package to DSers support or on the "
                        + "AliExpress order page: the claim now waits for the supplier", Set.of(IncidentStatus.NEEDS_SELLER_ACTION),
                        List.of(FieldSpec.optional("note", "Where and when you sent it")))));
    }

    @Override
    public List<String> validate(ChannelAccount account, DecisionTarget target, DecisionCommand command) {
        List<String> problems = new ArrayList<>();
        if (command instanceof RequestInterception
                && SupplierFields.INTERNATIONAL.equals(DsersSituations.scope(JSON.readTree(target.rawPayload()).path("watch")))) {
            problems.add("this order ships internationally: it can be neither intercepted nor refunded by interception "
                    + "(seed 001, S3); tell the customer instead");
        }
        if (!command.attachments().isEmpty()) {
            problems.addAll(EvidenceImages.photoOrVideoProblems(command.attachments(),
                    DsersOptions.of(account).maxEvidenceBytes()));
        }
        return problems;
    }

    /**
     * No supplier API: the claim package is kept with the incident, which stays with the seller (who must send it by
     * hand) until the seller marks it sent; then it waits for the supplier.
     */
    @Override
    public PushResult push(ChannelAccount account, DecisionTarget target, DecisionCommand command, String idempotencyKey) {
        if (command instanceof MarkPackageSent) {
            return PushResult.recorded(IncidentStatus.WAITING_FOR_CARRIER_OR_SUPPLIER, null,
                    "Claim package sent by hand; the claim waits for the supplier");
        }
        JsonNode watch = JSON.readTree(target.rawPayload()).path("watch");
        String supplierOrder = watch.path("supplierOrderId").asString();
        Instant now = clock.instant();
        DsersClaims.Deadlines deadlines = DsersClaims.deadlines(command, now, calendar(account));
        List<String> evidence = command.attachments().stream().map(EvidenceFile::fileName).toList();
        String text = DsersClaims.text(DsersOptions.of(account).claimLanguage(), command, supplierOrder,
                watch.path("storeOrderId").asString(), DsersSituations.scope(watch), evidence, deadlines, zone(account));
        String name = "claim-" + command.type().name().toLowerCase().replace('_', '-') + "-" + supplierOrder + ".txt";
        long fileId = files.add(target.incidentId(), null, name, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
        return PushResult.recorded(IncidentStatus.NEEDS_SELLER_ACTION, "file " + fileId,
                "Claim package ready (" + name + "): send it to DSers support or on the AliExpress order page, then mark "
                        + "it sent. Expect the supplier by " + deadlines.latest().atZone(zone(account)).toLocalDate()
                        + (deadlines.refundBy() == null ? "" : ", a refund by " + deadlines.refundBy().atZone(zone(account)).toLocalDate())
                        + "; the task closes when the refund or the reissue shows in the order data");
    }

    /** Pushing only writes the package: it is safe to do again. */
    @Override
    public Reconciliation reconcile(ChannelAccount account, DecisionTarget target, DecisionCommand command, String idempotencyKey, Instant sentSince) {
        return Reconciliation.notApplied();
    }

    /**
     * The order, its tracking, the marketplace complaint on the store order and later orders for it, as one
     * JSON document; an order the supplier refuses to show is kept with the error, for quarantine.
     */
    private RawRecord record(ChannelAccount account, SupplierOrder order) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("watch", order);
        doc.put("checkedAt", clock.instant().toString());
        try {
            JsonNode result = client.call(account, "aliexpress.trade.ds.order.get",
                    Map.of("single_order_query", "{\"order_id\":" + order.supplierOrderId() + "}"), true).path("result");
            doc.put("order", result);
            JsonNode tracking = client.call(account, "aliexpress.ds.order.tracking.get",
                    Map.of("ae_order_id", order.supplierOrderId(), "language", "en_US"), true).path("result");
            doc.put("tracking", tracking.path("ret").asBoolean(false) ? tracking.path("data") : null);
        } catch (ChannelRejectedException e) {
            doc.put("error", e.getMessage());
        }
        incidents.complaintOn(order.storeOrderId(), account.id()).ifPresent(c -> doc.put("complaint", Complaint.of(c)));
        doc.put("reissuedBy", orders.laterForStoreOrder(account.id(), order).stream().map(SupplierOrder::supplierOrderId).toList());
        return RawRecord.json("supplier order " + order.supplierOrderId(), JSON.writeValueAsString(doc));
    }

    private static ZoneId zone(ChannelAccount account) {
        return calendar(account).zone();
    }

    /** The supplier's working days: China's time zone unless the account says otherwise, and its listed holidays. */
    private static BusinessCalendar calendar(ChannelAccount account) {
        return BusinessCalendar.of(account, "Asia/Shanghai");
    }
}
