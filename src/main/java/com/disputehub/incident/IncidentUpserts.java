package com.disputehub.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.disputehub.database.CsvCopy;
import com.disputehub.database.PlannedEachTime;
import com.disputehub.database.Sql;
import com.disputehub.incident.TimelineText.Arg;

import tools.jackson.databind.ObjectMapper;

/**
 * Stores what a channel says about many incidents at once, set-based (issue 17): one query finds the stored ones and
 * tells the unchanged by the hash of what was last stored, one locks and reads those that may have changed, and each
 * kind of write (new rows, updated rows, timeline entries, change feed, events) is one batch. The rules are those of
 * one incident at a time: a timeline entry and an event for a real change only, nothing written for an unchanged
 * record, everything in the caller's transaction.
 *
 * <p>The hash covers the adapter version and the whole normalized snapshot, raw payload included: the same snapshot
 * applied again changes nothing, whatever a decision or the seller changed since (a held status stays held). A
 * snapshot equal in substance but not in form (an amount at another scale) takes the full comparison, which finds no
 * change and stores the new hash.
 */
@Repository
class IncidentUpserts {

    /** The columns a new incident is copied into (CsvCopy), in the order {@link #insertRow} writes them. */
    private static final List<String> INSERT_COLUMNS = List.of("id", "channel_type", "account_id", "kind", "external_id",
            "order_id", "order_line_ids", "skus", "product_title", "product_image_url", "buyer_name", "reason",
            "raw_reason_code", "raw_reason_label", "status", "channel_status", "raw_status", "action_owner",
            "requested_refund_amount", "requested_refund_currency", "product_value_amount", "product_value_currency",
            "respond_by", "opened_at", "channel_updated_at", "messages", "message_count", "evidence", "flags",
            "channel_details", "raw_payload", "snapshot_hash", "adapter_version", "created_at", "updated_at", "closed_at");

    private static final String UPDATE = """
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
              raw_payload = cast(:raw as json), snapshot_hash = :snapshotHash,
              adapter_version = :version, updated_at = :now
            where id = :id
            """;

    /** The stored incidents of a page: see {@link #fingerprints}. */
    static final String FINGERPRINTS = """
            select id, external_id, snapshot_hash from incident where external_id = any(?) and account_id || '' = ?
            """;

    /** Keeps the raw payload current when only fields nobody reads changed; no event, no timeline entry. */
    private static final String REFRESH = """
            update incident set raw_payload = cast(:raw as json), snapshot_hash = :snapshotHash,
              channel_updated_at = :at, adapter_version = :version
            where id = :id
            """;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final JdbcTemplate template;
    private final ObjectMapper json;
    private final IncidentRowMapper rows;
    private final Timeline timeline;
    private final ChangeFeed changes;
    private final IncidentEvents events;
    private final IncidentWork work;
    private final SearchIndex search;
    private final Clock clock;

    IncidentUpserts(JdbcClient jdbc, NamedParameterJdbcTemplate batch, JdbcTemplate template, ObjectMapper json, Timeline timeline,
                    ChangeFeed changes, IncidentEvents events, IncidentWork work, SearchIndex search, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.template = template;
        this.json = json;
        this.rows = new IncidentRowMapper(json);
        this.timeline = timeline;
        this.changes = changes;
        this.events = events;
        this.work = work;
        this.search = search;
        this.clock = clock;
    }

    /**
     * One result per snapshot, in their order, in the caller's transaction. Should one incident come twice, the
     * second time is stored after the first, as if they came one at a time.
     */
    List<UpsertResult> upsert(IncidentSource source, List<IncidentSnapshot> snapshots) {
        List<UpsertResult> results = new ArrayList<>(snapshots.size());
        Set<String> inRun = new HashSet<>();
        int from = 0;
        for (int i = 0; i < snapshots.size(); i++) {
            if (!inRun.add(snapshots.get(i).externalId())) {
                results.addAll(run(source, snapshots.subList(from, i)));
                from = i;
                inRun.clear();
                inRun.add(snapshots.get(i).externalId());
            }
        }
        results.addAll(run(source, snapshots.subList(from, snapshots.size())));
        return results;
    }

    /**
     * Snapshots of distinct incidents. A stored one is hashed to tell whether it changed; a new one only while its row
     * is encoded, when this thread would otherwise wait for PostgreSQL to store the rows before.
     */
    private List<UpsertResult> run(IncidentSource source, List<IncidentSnapshot> snapshots) {
        UpsertResult[] results = new UpsertResult[snapshots.size()];
        SnapshotHash hasher = new SnapshotHash();
        String[] hashes = new String[snapshots.size()];
        Map<String, Fingerprint> stored = fingerprints(source.accountId(), snapshots);
        List<Integer> fresh = new ArrayList<>();
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < snapshots.size(); i++) {
            IncidentSnapshot snapshot = snapshots.get(i);
            Fingerprint known = stored.get(snapshot.externalId());
            if (known == null) {
                if (snapshot.followUp()) {
                    results[i] = UpsertResult.skipped();
                } else {
                    fresh.add(i);
                }
                continue;
            }
            hashes[i] = hasher.of(source.adapterVersion(), snapshot);
            if (hashes[i].equals(known.snapshotHash())) {
                results[i] = new UpsertResult(UpsertResult.Outcome.UNCHANGED, known.id(), List.of());
            } else {
                changed.add(i);
            }
        }
        create(source, snapshots, hasher, fresh, results);
        update(source, snapshots, hashes, changed, stored, results);
        return Arrays.asList(results);
    }

    /**
     * The new incidents' rows copied; their search queue entries, timeline entries, change feed rows and (without
     * automatic assignment) events encoded while PostgreSQL stores the rows, then copied.
     */
    private void create(IncidentSource source, List<IncidentSnapshot> snapshots, SnapshotHash hasher, List<Integer> fresh,
                        UpsertResult[] results) {
        if (fresh.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Incident> created = new ArrayList<>();
        Map<UUID, IncidentSnapshot> read = new HashMap<>();
        List<Timeline.Entry> entries = new ArrayList<>();
        for (int i : fresh) {
            IncidentSnapshot s = snapshots.get(i);
            Incident incident = new Incident(UUID.randomUUID(), source.channelType(), source.accountId(), s.kind(),
                    s.externalId(), s.orderId(), s.orderLineIds(), s.skus(), s.productTitle(), s.productImageUrl(),
                    s.buyerName(), s.reason(), s.status(), s.status(), s.rawStatus(), s.actionOwner(), s.requestedRefund(),
                    s.productValue(), s.respondBy(), s.openedAt(), s.channelUpdatedAt(), s.messages(), s.evidence(),
                    s.flags(), s.details(), s.rawPayload(), source.adapterVersion(), now, now);
            created.add(incident);
            read.put(incident.id(), s);
            Reason reason = s.reason();
            entries.add(new Timeline.Entry(incident.id(), "CREATED", source.channelType(), reason.rawLabel() == null
                    ? TimelineText.of("tl.created", Arg.word("reason.", reason.category()), Arg.word("status.", s.status()))
                    : TimelineText.of("tl.createdLabel", Arg.word("reason.", reason.category()), Arg.value(reason.rawLabel()),
                            Arg.word("status.", s.status()))));
            results[i] = new UpsertResult(UpsertResult.Outcome.CREATED, incident.id(), List.of());
        }
        List<UUID> ids = created.stream().map(Incident::id).toList();
        boolean assigning = work.assignsAutomatically(source.accountId());
        Logs logs = new Logs();
        CsvCopy.copy(template, "incident", INSERT_COLUMNS, created, (incident, row) -> insertRow(incident,
                hasher.of(source.adapterVersion(), read.get(incident.id())), row), () -> {
                    logs.search = search.encodeNew(ids);
                    logs.timeline = timeline.encode(entries);
                    logs.changes = changes.encode(ids, "CREATED");
                    logs.events = assigning ? null : events.encodeCreated(created, Map.of());
                });
        CsvCopy.copy(template, logs.search);
        CsvCopy.copy(template, logs.timeline);
        Map<UUID, String> owners = assigning ? work.autoAssign(ids, source.accountId()) : Map.of();
        CsvCopy.copy(template, logs.changes);
        CsvCopy.copy(template, logs.events != null ? logs.events : events.encodeCreated(created, owners));
    }

    /** What new incidents write besides their rows, encoded while the rows are stored. */
    private static final class Logs {
        CsvCopy.Encoded search;
        CsvCopy.Encoded timeline;
        CsvCopy.Encoded changes;
        CsvCopy.Encoded events;
    }

    private void update(IncidentSource source, List<IncidentSnapshot> snapshots, String[] hashes, List<Integer> changed,
                        Map<String, Fingerprint> stored, UpsertResult[] results) {
        if (changed.isEmpty()) {
            return;
        }
        Map<UUID, Stored> locked = lock(changed.stream().map(i -> stored.get(snapshots.get(i).externalId()).id()).toList());
        List<SqlParameterSource> updates = new ArrayList<>();
        List<SqlParameterSource> refreshes = new ArrayList<>();
        List<Timeline.Entry> entries = new ArrayList<>();
        List<IncidentEvents.Update> events = new ArrayList<>();
        for (int i : changed) {
            IncidentSnapshot snapshot = snapshots.get(i);
            Stored row = locked.get(stored.get(snapshot.externalId()).id());
            Incident before = row.incident();
            String basis = IncidentStore.holdBasis(snapshot.status(), snapshot.rawStatus(), snapshot.messages());
            boolean noReply = (IncidentStore.NO_REPLY + basis).equals(row.holdBasis());
            boolean held = noReply || basis.equals(row.holdBasis());
            Incident after = merge(before, source, snapshot, held ? before.status() : snapshot.status(), noReply);
            List<ChangeDescriber.Change> diff = ChangeDescriber.changes(before, after);
            if (diff.isEmpty()) {
                refreshes.add(new MapSqlParameterSource("raw", snapshot.rawPayload())
                        .addValue("snapshotHash", hashes[i])
                        .addValue("at", Sql.ts(snapshot.channelUpdatedAt())).addValue("version", source.adapterVersion())
                        .addValue("id", before.id()));
                results[i] = new UpsertResult(UpsertResult.Outcome.UNCHANGED, before.id(), List.of());
                continue;
            }
            updates.add(columns(after, hashes[i]).addValue("hold", held ? row.holdBasis() : null));
            entries.add(new Timeline.Entry(before.id(), "CHANNEL_UPDATE", source.channelType(), ChangeDescriber.text(diff)));
            List<String> fields = ChangeDescriber.fields(diff);
            events.add(new IncidentEvents.Update(before, after, fields));
            results[i] = new UpsertResult(UpsertResult.Outcome.UPDATED, before.id(), fields);
        }
        batch.batchUpdate(REFRESH, refreshes.toArray(SqlParameterSource[]::new));
        if (updates.isEmpty()) {
            return;
        }
        batch.batchUpdate(UPDATE, updates.toArray(SqlParameterSource[]::new));
        List<UUID> ids = events.stream().map(u -> u.before().id()).toList();
        search.queue(ids);
        timeline.appendAll(entries);
        work.channelChanged(ids, source.channelType());
        changes.recordAll(ids, "UPDATED");
        this.events.updatedAll(events, IncidentEvents.Source.CHANNEL);
    }

    /**
     * The stored incidents of these snapshots, by external id: their ids and snapshot hashes. Through the unique key's
     * external ids whatever the statistics say of the account (V35): the account is compared as an expression, which
     * no index on the account can serve. Planned each time, as is {@link #lock}: an initial sync fills the table from
     * empty ({@link PlannedEachTime}).
     */
    private Map<String, Fingerprint> fingerprints(String accountId, List<IncidentSnapshot> snapshots) {
        Map<String, Fingerprint> found = new HashMap<>();
        List<String> externalIds = snapshots.stream().map(IncidentSnapshot::externalId).toList();
        template.query(PlannedEachTime.statement(FINGERPRINTS, Sql.textArray(externalIds), accountId), rs -> {
            found.put(rs.getString("external_id"), new Fingerprint(rs.getObject("id", UUID.class), rs.getString("snapshot_hash")));
        });
        return found;
    }

    /** The incidents that may change, locked in the order of their ids so that two writers never wait on each other in a circle. */
    private Map<UUID, Stored> lock(List<UUID> ids) {
        Map<UUID, Stored> found = new HashMap<>();
        template.query(PlannedEachTime.statement("select * from incident where id = any(?) order by id for update",
                Sql.uuidArray(ids)), rs -> {
                    Incident incident = rows.mapRow(rs, 0);
                    found.put(incident.id(), new Stored(incident, rs.getString("status_hold_basis")));
                });
        return found;
    }

    /** The stored incident updated from the channel; {@code noReply} keeps who acts and the deadline the seller's mark set. */
    private Incident merge(Incident before, IncidentSource source, IncidentSnapshot s, IncidentStatus status, boolean noReply) {
        Reason reason = s.reason() != null ? s.reason() : before.reason();
        Instant openedAt = before.openedAt() != null ? before.openedAt() : s.openedAt();
        return new Incident(before.id(), before.channelType(), before.accountId(), s.kind(), s.externalId(),
                s.orderId(), s.orderLineIds(), s.skus(), s.productTitle(), s.productImageUrl(), s.buyerName(),
                reason, status, s.status(), s.rawStatus(), noReply ? before.actionOwner() : s.actionOwner(),
                s.requestedRefund(), s.productValue(), noReply ? before.respondBy() : s.respondBy(), openedAt,
                s.channelUpdatedAt(), s.messages(), s.evidence(), s.flags(), s.details(), s.rawPayload(),
                source.adapterVersion(), before.createdAt(), clock.instant());
    }

    /** The named parameters of every column an incident writes, for both insert and update. */
    private MapSqlParameterSource columns(Incident i, String snapshotHash) {
        MapSqlParameterSource c = new MapSqlParameterSource();
        c.addValue("id", i.id());
        c.addValue("kind", i.kind().name());
        c.addValue("externalId", i.externalId());
        c.addValue("orderId", i.orderId());
        c.addValue("lineIds", Sql.textArray(i.orderLineIds()));
        c.addValue("skus", Sql.textArray(i.skus()));
        c.addValue("title", i.productTitle());
        c.addValue("image", i.productImageUrl());
        c.addValue("buyer", i.buyerName());
        c.addValue("reason", i.reason().category().name());
        c.addValue("reasonCode", i.reason().rawCode());
        c.addValue("reasonLabel", i.reason().rawLabel());
        c.addValue("status", i.status().name());
        c.addValue("channelStatus", i.channelStatus().name());
        c.addValue("rawStatus", i.rawStatus());
        c.addValue("owner", i.actionOwner().name());
        c.addValue("refundAmount", i.requestedRefund() == null ? null : i.requestedRefund().amount());
        c.addValue("refundCurrency", i.requestedRefund() == null ? null : i.requestedRefund().currency());
        c.addValue("valueAmount", i.productValue() == null ? null : i.productValue().amount());
        c.addValue("valueCurrency", i.productValue() == null ? null : i.productValue().currency());
        c.addValue("respondBy", Sql.ts(i.respondBy()));
        c.addValue("openedAt", Sql.ts(i.openedAt()));
        c.addValue("channelUpdatedAt", Sql.ts(i.channelUpdatedAt()));
        c.addValue("messages", json.writeValueAsString(i.messages()));
        c.addValue("messageCount", i.messages().size());
        c.addValue("evidence", json.writeValueAsString(i.evidence()));
        c.addValue("flags", Sql.textArray(i.flags()));
        c.addValue("details", json.writeValueAsString(i.details()));
        c.addValue("raw", i.rawPayload());
        c.addValue("snapshotHash", snapshotHash);
        c.addValue("version", i.adapterVersion());
        c.addValue("now", Sql.ts(i.updatedAt()));
        return c;
    }

    /** A new incident's values, in the order of {@link #INSERT_COLUMNS}. */
    private void insertRow(Incident i, String snapshotHash, CsvCopy.Row row) {
        row.add(i.id()).add(i.channelType()).add(i.accountId()).add(i.kind().name()).add(i.externalId())
                .add(i.orderId()).add(i.orderLineIds()).add(i.skus()).add(i.productTitle()).add(i.productImageUrl())
                .add(i.buyerName()).add(i.reason().category().name()).add(i.reason().rawCode()).add(i.reason().rawLabel())
                .add(i.status().name()).add(i.channelStatus().name()).add(i.rawStatus()).add(i.actionOwner().name())
                .add(i.requestedRefund() == null ? null : i.requestedRefund().amount())
                .add(i.requestedRefund() == null ? null : i.requestedRefund().currency())
                .add(i.productValue() == null ? null : i.productValue().amount())
                .add(i.productValue() == null ? null : i.productValue().currency())
                .add(i.respondBy()).add(i.openedAt()).add(i.channelUpdatedAt())
                .add(json.writeValueAsString(i.messages())).add(i.messages().size())
                .add(json.writeValueAsString(i.evidence())).add(i.flags()).add(json.writeValueAsString(i.details()))
                .add(i.rawPayload()).add(snapshotHash).add(i.adapterVersion())
                .add(i.createdAt()).add(i.updatedAt())
                // an update's trigger keeps closed_at; a new row has its own (V34)
                .add(i.status().isOpen() ? null : i.updatedAt());
    }

    /** A stored incident as the unchanged check sees it. */
    private record Fingerprint(UUID id, String snapshotHash) {
    }

    /** A locked incident and the basis of its held status. */
    private record Stored(Incident incident, String holdBasis) {
    }
}
