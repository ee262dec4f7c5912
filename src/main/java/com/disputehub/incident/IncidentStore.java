package com.disputehub.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.disputehub.database.Hashes;
import com.disputehub.database.Sql;
import com.disputehub.incident.TimelineText.Arg;

import tools.jackson.databind.ObjectMapper;

/**
 * Stores incidents: an idempotent upsert that writes a timeline entry and a change event only for a real
 * change, and the outcome of decisions.
 *
 * <p>A decision may set a status the channel cannot show yet ("waiting for platform" after marking resolved
 * while the line is still open). That status is held while the channel keeps reporting the same state, and
 * released as soon as the channel shows something new: another state, or a message from anyone but the seller
 * (the buyer's answer to the seller's message puts the incident back in the seller's hands, DOMAIN M1).
 */
@Repository
public class IncidentStore {

    /** Marks a hold the seller set by saying the last message needs no reply: it holds who acts and the deadline too. */
    private static final String NO_REPLY = "no-reply|";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final IncidentRowMapper rows;
    private final Timeline timeline;
    private final ChangeFeed changes;
    private final IncidentEvents events;
    private final ExternalRefs refs;
    private final IncidentWork work;
    private final Clock clock;

    IncidentStore(JdbcClient jdbc, ObjectMapper json, Timeline timeline, ChangeFeed changes, IncidentEvents events,
                  ExternalRefs refs, IncidentWork work, Clock clock) {
        this.work = work;
        this.jdbc = jdbc;
        this.json = json;
        this.rows = new IncidentRowMapper(json);
        this.timeline = timeline;
        this.changes = changes;
        this.events = events;
        this.refs = refs;
        this.clock = clock;
    }

    @Transactional
    public UpsertResult upsert(IncidentSource source, IncidentSnapshot snapshot) {
        Optional<Stored> existing = jdbc.sql("select * from incident where account_id = ? and external_id = ? for update")
                .params(source.accountId(), snapshot.externalId())
                .query((rs, n) -> new Stored(rows.mapRow(rs, n), rs.getString("status_hold_basis"), rs.getString("raw_hash")))
                .optional();
        if (existing.isEmpty()) {
            if (snapshot.followUp()) {
                return UpsertResult.skipped();
            }
            UUID id = UUID.randomUUID();
            Incident created = insert(id, source, snapshot);
            Reason reason = snapshot.reason();
            timeline.append(id, "CREATED", source.channelType(), reason.rawLabel() == null
                    ? TimelineText.of("tl.created", Arg.word("reason.", reason.category()), Arg.word("status.", snapshot.status()))
                    : TimelineText.of("tl.createdLabel", Arg.word("reason.", reason.category()), Arg.value(reason.rawLabel()),
                            Arg.word("status.", snapshot.status())));
            work.autoAssign(id, source.accountId());
            changes.record(id, "CREATED");
            events.created(created);
            return new UpsertResult(UpsertResult.Outcome.CREATED, id, List.of());
        }
        Incident before = existing.get().incident();
        String holdBasis = existing.get().holdBasis();
        String basis = holdBasis(snapshot.status(), snapshot.rawStatus(), snapshot.messages());
        boolean noReply = (NO_REPLY + basis).equals(holdBasis);
        boolean held = noReply || basis.equals(holdBasis);
        Incident after = merge(before, source, snapshot, held ? before.status() : snapshot.status(), noReply);
        List<ChangeDescriber.Change> diff = ChangeDescriber.changes(before, after);
        if (diff.isEmpty()) {
            if (!Hashes.sha256Hex(snapshot.rawPayload()).equals(existing.get().rawHash())
                    || !source.adapterVersion().equals(before.adapterVersion())
                    || !Objects.equals(snapshot.channelUpdatedAt(), before.channelUpdatedAt())) {
                refreshQuietly(before.id(), source, snapshot);
            }
            return new UpsertResult(UpsertResult.Outcome.UNCHANGED, before.id(), List.of());
        }
        update(after, held ? holdBasis : null);
        timeline.append(before.id(), "CHANNEL_UPDATE", source.channelType(), ChangeDescriber.text(diff));
        work.channelChanged(before.id(), source.channelType());
        changes.record(before.id(), "UPDATED");
        List<String> fields = ChangeDescriber.fields(diff);
        events.updated(before, after, fields, IncidentEvents.Source.CHANNEL);
        return new UpsertResult(UpsertResult.Outcome.UPDATED, before.id(), fields);
    }

    /**
     * Records what a decision did: a timeline entry, and where the decision implies a status the channel will
     * only show later, that status, held until the channel reports a new state.
     */
    @Transactional
    public void recordDecisionOutcome(UUID incidentId, IncidentStatus statusAfter, String actor, TimelineText summary) {
        if (statusAfter != null) {
            Incident incident = find(incidentId).orElseThrow();
            jdbc.sql("update incident set status = ?, status_hold_basis = ?, updated_at = ? where id = ?")
                    .params(statusAfter.name(), holdBasis(incident.channelStatus(), incident.rawStatus(), incident.messages()),
                            Sql.ts(clock.instant()), incidentId)
                    .update();
            if (statusAfter != incident.status()) {
                events.updated(incident, find(incidentId).orElseThrow(), List.of("status"), IncidentEvents.Source.DECISION);
            }
        }
        timeline.append(incidentId, "DECISION", actor, summary);
        changes.record(incidentId, "UPDATED");
    }

    /**
     * Marks the last message, the buyer's or the operator's, as needing no reply (a thank-you, DOMAIN M5): the incident
     * then waits for its author, without a deadline and without the suggestion to answer, until the channel shows
     * something new (another state, another message). False when it already was marked; an
     * {@link IncidentStateException} when the incident does not wait for the seller's answer to such a message.
     */
    @Transactional
    public boolean markNoReplyNeeded(UUID incidentId, String actor, IncidentEvents.Source source) {
        Stored stored = jdbc.sql("select * from incident where id = ? for update").param(incidentId)
                .query((rs, n) -> new Stored(rows.mapRow(rs, n), rs.getString("status_hold_basis"), rs.getString("raw_hash")))
                .optional().orElseThrow(() -> new NoSuchElementException("no incident " + incidentId));
        Incident incident = stored.incident();
        String basis = NO_REPLY + holdBasis(incident.channelStatus(), incident.rawStatus(), incident.messages());
        if (basis.equals(stored.holdBasis())) {
            return false;
        }
        IncidentMessage last = incident.messages().isEmpty() ? null : incident.messages().get(incident.messages().size() - 1);
        if (!incident.awaitsAnswer()) {
            throw new IncidentStateException("only an incident waiting for the seller's answer to a message of the buyer or "
                    + "the operator can be marked as needing no reply; this one is " + text(incident.status())
                    + (last == null ? ", without messages" : ", its last message from " + text(last.author())));
        }
        boolean buyer = last.author() == PartyRole.BUYER;
        jdbc.sql("""
                update incident set status = ?, action_owner = ?, respond_by = null, status_hold_basis = ?, updated_at = ?
                where id = ?
                """).params((buyer ? IncidentStatus.WAITING_FOR_BUYER : IncidentStatus.WAITING_FOR_PLATFORM).name(),
                        (buyer ? ActionOwner.BUYER : ActionOwner.PLATFORM).name(), basis, Sql.ts(clock.instant()), incidentId)
                .update();
        timeline.append(incidentId, "NO_REPLY_NEEDED", actor, TimelineText.of("tl.noReplyNeeded", Arg.word("party.", last.author())));
        changes.record(incidentId, "UPDATED");
        events.updated(incident, find(incidentId).orElseThrow(), List.of("status", "actionOwner", "respondBy"), source);
        return true;
    }

    /**
     * Replaces the references an ERP keeps on an incident; a real change is on the timeline, in the change feed
     * and in an incident.updated event. False when nothing changed.
     */
    @Transactional
    public boolean setExternalRefs(UUID incidentId, Map<String, String> references, String actor) {
        Incident incident = jdbc.sql("select * from incident where id = ? for update").param(incidentId).query(rows)
                .optional().orElseThrow(() -> new NoSuchElementException("no incident " + incidentId));
        if (!refs.replace(incidentId, references, actor)) {
            return false;
        }
        timeline.append(incidentId, "EXTERNAL_REFS", actor, references.isEmpty() ? TimelineText.of("tl.refsRemoved")
                : TimelineText.of("tl.refs", Arg.value(String.join(", ", references.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).toList()))));
        changes.record(incidentId, "UPDATED");
        events.updated(incident, incident, List.of("externalRefs"), IncidentEvents.Source.ERP);
        return true;
    }

    public Optional<Incident> find(UUID id) {
        return jdbc.sql("select * from incident where id = ?").param(id).query(rows).optional();
    }

    /** What a held status stands on: the channel's state and how many messages others have written. */
    private static String holdBasis(IncidentStatus channelStatus, String rawStatus, List<IncidentMessage> messages) {
        return channelStatus + "|" + rawStatus + "|" + messages.stream().filter(m -> m.author() != PartyRole.SELLER).count();
    }

    /** The stored incident updated from the channel; {@code noReply} keeps who acts and the deadline the seller's mark set. */
    private Incident merge(Incident before, IncidentSource source, IncidentSnapshot s, IncidentStatus status, boolean noReply) {
        Reason reason = s.reason() != null ? s.reason() : before.reason();
        Instant openedAt = before.openedAt() != null ? before.openedAt() : s.openedAt();
        return new Incident(before.id(), before.channelType(), before.accountId(), s.kind(), s.externalId(),
                s.orderId(), s.orderLineIds(), s.skus(), s.productTitle(), s.productImageUrl(), s.buyerName(),
                reason, status, s.status(), s.rawStatus(), noReply ? before.actionOwner() : s.actionOwner(),
                s.requestedRefund(), s.productValue(), noReply ? before.respondBy() : s.respondBy(), openedAt, s.channelUpdatedAt(), s.messages(), s.evidence(), s.flags(), s.details(), s.rawPayload(),
                source.adapterVersion(), before.createdAt(), clock.instant());
    }

    private Incident insert(UUID id, IncidentSource source, IncidentSnapshot s) {
        Instant now = clock.instant();
        Incident incident = new Incident(id, source.channelType(), source.accountId(), s.kind(), s.externalId(),
                s.orderId(), s.orderLineIds(), s.skus(), s.productTitle(), s.productImageUrl(), s.buyerName(), s.reason(),
                s.status(), s.status(), s.rawStatus(), s.actionOwner(), s.requestedRefund(), s.productValue(),
                s.respondBy(), s.openedAt(), s.channelUpdatedAt(), s.messages(), s.evidence(), s.flags(), s.details(), s.rawPayload(),
                source.adapterVersion(), now, now);
        Map<String, Object> columns = columns(incident);
        columns.put("channel", source.channelType());
        columns.put("account", source.accountId());
        columns.put("createdAt", Sql.ts(now));
        jdbc.sql("""
                insert into incident (id, channel_type, account_id, kind, external_id, order_id, order_line_ids, skus,
                  product_title, product_image_url, buyer_name, reason, raw_reason_code, raw_reason_label,
                  status, channel_status, raw_status, action_owner,
                  requested_refund_amount, requested_refund_currency, product_value_amount, product_value_currency,
                  respond_by, opened_at, channel_updated_at, messages, message_count, evidence, flags, channel_details, raw_payload,
                  raw_hash, adapter_version, created_at, updated_at)
                values (:id, :channel, :account, :kind, :externalId, :orderId, :lineIds, :skus,
                  :title, :image, :buyer, :reason, :reasonCode, :reasonLabel,
                  :status, :channelStatus, :rawStatus, :owner,
                  :refundAmount, :refundCurrency, :valueAmount, :valueCurrency,
                  :respondBy, :openedAt, :channelUpdatedAt, cast(:messages as jsonb), :messageCount,
                  cast(:evidence as jsonb), :flags, cast(:details as jsonb), cast(:raw as jsonb), :hash, :version, :createdAt, :now)
                """)
                .params(columns)
                .update();
        return incident;
    }

    private void update(Incident i, String holdBasis) {
        Map<String, Object> columns = columns(i);
        columns.put("hold", holdBasis);
        jdbc.sql("""
                update incident set kind = :kind, order_id = :orderId, order_line_ids = :lineIds, skus = :skus,
                  product_title = :title, product_image_url = :image, buyer_name = :buyer, reason = :reason,
                  raw_reason_code = :reasonCode, raw_reason_label = :reasonLabel, status = :status,
                  channel_status = :channelStatus, raw_status = :rawStatus, status_hold_basis = :hold,
                  action_owner = :owner, requested_refund_amount = :refundAmount,
                  requested_refund_currency = :refundCurrency, product_value_amount = :valueAmount,
                  product_value_currency = :valueCurrency, respond_by = :respondBy, opened_at = :openedAt,
                  channel_updated_at = :channelUpdatedAt, messages = cast(:messages as jsonb),
                  message_count = :messageCount, evidence = cast(:evidence as jsonb), flags = :flags,
                  channel_details = cast(:details as jsonb),
                  raw_payload = cast(:raw as jsonb), raw_hash = :hash,
                  adapter_version = :version, updated_at = :now
                where id = :id
                """)
                .params(columns)
                .update();
    }

    /** The named parameters of every column an incident writes, for both insert and update. */
    private Map<String, Object> columns(Incident i) {
        Map<String, Object> c = new HashMap<>();
        c.put("id", i.id());
        c.put("kind", i.kind().name());
        c.put("externalId", i.externalId());
        c.put("orderId", i.orderId());
        c.put("lineIds", Sql.textArray(i.orderLineIds()));
        c.put("skus", Sql.textArray(i.skus()));
        c.put("title", i.productTitle());
        c.put("image", i.productImageUrl());
        c.put("buyer", i.buyerName());
        c.put("reason", i.reason().category().name());
        c.put("reasonCode", i.reason().rawCode());
        c.put("reasonLabel", i.reason().rawLabel());
        c.put("status", i.status().name());
        c.put("channelStatus", i.channelStatus().name());
        c.put("rawStatus", i.rawStatus());
        c.put("owner", i.actionOwner().name());
        c.put("refundAmount", i.requestedRefund() == null ? null : i.requestedRefund().amount());
        c.put("refundCurrency", i.requestedRefund() == null ? null : i.requestedRefund().currency());
        c.put("valueAmount", i.productValue() == null ? null : i.productValue().amount());
        c.put("valueCurrency", i.productValue() == null ? null : i.productValue().currency());
        c.put("respondBy", Sql.ts(i.respondBy()));
        c.put("openedAt", Sql.ts(i.openedAt()));
        c.put("channelUpdatedAt", Sql.ts(i.channelUpdatedAt()));
        c.put("messages", json.writeValueAsString(i.messages()));
        c.put("messageCount", i.messages().size());
        c.put("evidence", json.writeValueAsString(i.evidence()));
        c.put("flags", Sql.textArray(i.flags()));
        c.put("details", json.writeValueAsString(i.details()));
        c.put("raw", i.rawPayload());
        c.put("hash", Hashes.sha256Hex(i.rawPayload()));
        c.put("version", i.adapterVersion());
        c.put("now", Sql.ts(i.updatedAt()));
        return c;
    }

    /** Keeps the raw payload current when only fields nobody reads changed; no event, no new row, no new version. */
    private void refreshQuietly(UUID id, IncidentSource source, IncidentSnapshot s) {
        jdbc.sql("""
                update incident set raw_payload = cast(:raw as jsonb), raw_hash = :hash, channel_updated_at = :at,
                  adapter_version = :version
                where id = :id
                """)
                .param("raw", s.rawPayload())
                .param("hash", Hashes.sha256Hex(s.rawPayload()))
                .param("at", Sql.ts(s.channelUpdatedAt()))
                .param("version", source.adapterVersion())
                .param("id", id)
                .update();
    }

    /** What was stored and how: the incident, the basis of a held status, the hash of the raw payload. */
    private record Stored(Incident incident, String holdBasis, String rawHash) {
    }


    private static String text(Enum<?> value) {
        return value.name().toLowerCase().replace('_', ' ');
    }
}
