package com.disputehub.channel.mirakl;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.disputehub.channel.Capabilities;
import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ChannelAdapter;
import com.disputehub.channel.DecisionTarget;
import com.disputehub.channel.FetchResult;
import com.disputehub.channel.MessageAttachments;
import com.disputehub.channel.OptionSpec;
import com.disputehub.channel.OrderDocuments;
import com.disputehub.channel.PushResult;
import com.disputehub.channel.RateLimit;
import com.disputehub.channel.RawRecord;
import com.disputehub.channel.Reconciliation;
import com.disputehub.channel.command.DecisionCommand;
import com.disputehub.incident.IncidentKind;
import com.disputehub.incident.IncidentSnapshot;
import com.disputehub.incident.OpenIncidentRef;

/** Incidents on order lines of a Mirakl marketplace, through the seller (shop) API (DOMAIN M1..M7). */
@Component
class MiraklAdapter implements ChannelAdapter, OrderDocuments, MessageAttachments {

    static final String CHANNEL = "mirakl";

    private final MiraklChangeReader reader;
    private final MiraklReasons reasons;
    private final MiraklDecisions decisions;
    private final MiraklReconciliation reconciliation;
    private final MiraklDocuments documents;

    MiraklAdapter(MiraklChangeReader reader, MiraklReasons reasons, MiraklDecisions decisions,
                  MiraklReconciliation reconciliation, MiraklDocuments documents) {
        this.documents = documents;
        this.reader = reader;
        this.reasons = reasons;
        this.decisions = decisions;
        this.reconciliation = reconciliation;
    }

    /**
     * Mirakl publishes call frequencies per operation, not a rate: OR11 at most once a minute (polling is bounded by
     * poll-interval), and no per-second limit or 429 contract for writes. 10 calls a second keeps a bulk of refunds
     * well inside what an operator instance serves.
     */
    @Override
    public Optional<RateLimit> rateLimit() {
        return Optional.of(RateLimit.perSecond(10));
    }

    @Override
    public String channelType() {
        return CHANNEL;
    }

    @Override
    public List<OptionSpec> options() {
        return MiraklOptions.SPECS;
    }

    @Override
    public IncidentKind kind() {
        return IncidentKind.MARKETPLACE_DISPUTE;
    }

    @Override
    public String version() {
        return "mirakl-1";
    }

    @Override
    public FetchResult fetchChanges(ChannelAccount account, String cursor) {
        return reader.fetch(account, cursor);
    }

    @Override
    public List<RawRecord> reread(ChannelAccount account, List<OpenIncidentRef> openIncidents) {
        Set<String> orderIds = new LinkedHashSet<>();
        openIncidents.forEach(ref -> orderIds.add(ref.orderId()));
        return reader.ordersById(account, orderIds);
    }

    @Override
    public List<IncidentSnapshot> normalize(ChannelAccount account, RawRecord record) {
        return MiraklMapper.normalize(account, record, this::incidentReasonLabel);
    }

    @Override
    public Capabilities capabilities(ChannelAccount account) {
        return MiraklCapabilities.of(
                reasons.ofTypeIfAvailable(account, MiraklReasons.REFUND).orElse(List.of()),
                MiraklCapabilities.shopCloseReasons(
                        reasons.ofTypeIfAvailable(account, MiraklReasons.INCIDENT_CLOSE).orElse(List.of())));
    }

    @Override
    public List<String> validate(ChannelAccount account, DecisionTarget target, DecisionCommand command) {
        return decisions.validate(account, target, command);
    }

    /** Mirakl documents no idempotency key; lost answers are settled by {@link #reconcile} instead. */
    @Override
    public PushResult push(ChannelAccount account, DecisionTarget target, DecisionCommand command, String idempotencyKey) {
        return decisions.push(account, target, command);
    }

    @Override
    public Reconciliation reconcile(ChannelAccount account, DecisionTarget target, DecisionCommand command, String idempotencyKey,
                                    Instant sentSince) {
        return reconciliation.reconcile(account, target, command, idempotencyKey, sentSince);
    }

    private String incidentReasonLabel(ChannelAccount account, String code) {
        return reasons.ofTypeIfAvailable(account, MiraklReasons.INCIDENT_OPEN).orElse(List.of()).stream()
                .filter(r -> code.equals(r.code())).map(r -> r.label()).findFirst().orElse(null);
    }

    @Override
    public List<DocumentType> documentTypes(ChannelAccount account) {
        return documents.types(account);
    }

    @Override
    public List<OrderDocument> documents(ChannelAccount account, DecisionTarget target) {
        return documents.list(account, target);
    }

    @Override
    public DocumentFile download(ChannelAccount account, DecisionTarget target, String documentId) {
        return documents.download(account, target, documentId);
    }

    @Override
    public void upload(ChannelAccount account, DecisionTarget target, DocumentFile file, String typeCode) {
        documents.upload(account, target, file, typeCode);
    }

    @Override
    public DocumentFile attachment(ChannelAccount account, DecisionTarget target, String attachmentId) {
        return documents.attachment(account, attachmentId);
    }

    @Override
    public DocumentLimits limits() {
        return MiraklDocuments.LIMITS;
    }
}
