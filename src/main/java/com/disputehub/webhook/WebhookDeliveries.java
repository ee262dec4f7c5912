package com.disputehub.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.disputehub.database.Sql;
import com.disputehub.event.EventType;

/**
 * The webhook_delivery table, the webhooks' outbox: one row per event and endpoint, claimed with a lease (SKIP
 * LOCKED, so instances never share one; a lease that runs out after a crash makes the row due again), in event
 * order per incident and endpoint.
 */
@Repository
class WebhookDeliveries {

    static final String PENDING = "PENDING";
    static final String DELIVERED = "DELIVERED";
    static final String FAILED = "FAILED";
    private static final String ORDER_KEY = "coalesce(e.incident_id::text, 'account:' || e.account_id, 'event:' || e.id)";

    private final JdbcClient jdbc;
    private final Clock clock;

    WebhookDeliveries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * For every enabled endpoint not being fanned out elsewhere, a delivery for each numbered event after its cursor
     * (at most {@code maxEvents} of them) that it subscribes to; the cursor moves in the same transaction.
     */
    @Transactional
    int fanOut(long lastSequence, int maxEvents) {
        List<Cursor> endpoints = jdbc.sql("""
                select id, cursor, event_types, accounts from webhook_endpoint where enabled and cursor < ?
                order by id for update skip locked
                """).param(lastSequence).query((rs, n) -> new Cursor(rs.getObject("id", UUID.class), rs.getLong("cursor"),
                List.of((String[]) rs.getArray("event_types").getArray()), List.of((String[]) rs.getArray("accounts").getArray())))
                .list();
        int added = 0;
        Timestamp now = Timestamp.from(clock.instant());
        for (Cursor endpoint : endpoints) {
            long upTo = Math.min(lastSequence, endpoint.cursor() + maxEvents);
            added += jdbc.sql("""
                    insert into webhook_delivery (endpoint_id, event_seq, event_id, event_type, order_key, state,
                      next_attempt_at, created_at)
                    select :endpoint, e.seq, e.id, e.type, %s, 'PENDING', :now, :now from event e
                    where e.seq > :after and e.seq <= :upTo
                      and (e.target_endpoint = :endpoint or e.target_endpoint is null and e.type = any(:types)
                           and (cardinality(:accounts) = 0 or e.account_id = any(:accounts)))
                    on conflict (endpoint_id, event_seq) where not replay do nothing
                    """.formatted(ORDER_KEY))
                    .param("endpoint", endpoint.id()).param("now", now).param("after", endpoint.cursor())
                    .param("upTo", upTo).param("types", Sql.textArray(EventType.wireNames(endpoint.types())))
                    .param("accounts", Sql.textArray(endpoint.accounts()))
                    .update();
            jdbc.sql("update webhook_endpoint set cursor = ? where id = ?").params(upTo, endpoint.id()).update();
        }
        return added;
    }

    private record Cursor(UUID id, long cursor, List<String> types, List<String> accounts) {
    }

    /**
     * Leases up to {@code limit} due deliveries of enabled endpoints whose older deliveries for the same incident are
     * done, at most {@code perEndpoint} of each endpoint (so that one endpoint's batch fits its lease), until
     * {@code leaseUntil}.
     */
    @Transactional
    List<Due> claim(int limit, int perEndpoint, Instant leaseUntil) {
        Instant now = clock.instant();
        List<Long> candidates = jdbc.sql("""
                select id from (
                  select d.id, d.event_seq,
                         row_number() over (partition by d.endpoint_id order by d.event_seq) as place
                  from webhook_delivery d join webhook_endpoint w on w.id = d.endpoint_id
                  where d.state = 'PENDING' and w.enabled and d.next_attempt_at <= :now
                    and (d.leased_until is null or d.leased_until < :now)
                    and not exists (select 1 from webhook_delivery p where p.endpoint_id = d.endpoint_id
                                    and p.order_key = d.order_key and p.state = 'PENDING' and p.event_seq < d.event_seq)
                ) due where place <= :perEndpoint order by event_seq limit :limit
                """)
                .param("now", Sql.ts(now)).param("perEndpoint", perEndpoint).param("limit", limit)
                .query(Long.class).list();
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Due> due = jdbc.sql("""
                select id, endpoint_id, event_seq, attempts, first_attempt_at from webhook_delivery
                where id in (:ids) and state = 'PENDING' and (leased_until is null or leased_until < :now)
                order by event_seq for update skip locked
                """)
                .param("ids", candidates).param("now", Sql.ts(now))
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getObject("endpoint_id", UUID.class), rs.getLong("event_seq"),
                        rs.getInt("attempts"), instant(rs, "first_attempt_at")))
                .list();
        if (!due.isEmpty()) {
            jdbc.sql("update webhook_delivery set leased_until = :until where id in (:ids)")
                    .param("until", Sql.ts(leaseUntil)).param("ids", due.stream().map(Due::id).toList()).update();
        }
        return due;
    }

    /** A leased delivery: its event, how many attempts it took before, and when the first was. */
    record Due(long id, UUID endpointId, long eventSeq, int attempts, Instant firstAttemptAt) {
    }

    /** One attempt's outcome: logged, and the delivery done, due again at {@code retryAt}, or failed for good. */
    @Transactional
    void attempted(Due due, Attempt attempt, String state, Instant retryAt) {
        Instant now = clock.instant();
        jdbc.sql("""
                insert into webhook_attempt (delivery_id, at, status, latency_ms, response_excerpt, error)
                values (?, ?, ?, ?, ?, ?)
                """).params(due.id(), Sql.ts(now), attempt.status(), attempt.latencyMs(), attempt.excerpt(), attempt.error())
                .update();
        jdbc.sql("""
                update webhook_delivery set attempts = attempts + 1, first_attempt_at = coalesce(first_attempt_at, ?),
                  last_attempt_at = ?, last_status = ?, last_error = ?, state = ?, next_attempt_at = ?, leased_until = null,
                  delivered_at = case when ? = 'DELIVERED' then ? end
                where id = ?
                """).params(Sql.ts(now), Sql.ts(now), attempt.status(), attempt.error(), state,
                        Sql.ts(retryAt == null ? now : retryAt), state, Sql.ts(now), due.id())
                .update();
    }

    /** Keeps a batch being sent leased while it is: a crash then frees it within one lease, not the batch's worth. */
    void extendLease(List<Long> ids, Instant until) {
        if (!ids.isEmpty()) {
            jdbc.sql("update webhook_delivery set leased_until = :until where id in (:ids) and state = 'PENDING'")
                    .param("until", Sql.ts(until)).param("ids", ids).update();
        }
    }

    /** Due again at {@code at} without an attempt (the endpoint's circuit is open). */
    void postpone(Due due, Instant at) {
        jdbc.sql("update webhook_delivery set next_attempt_at = ?, leased_until = null where id = ?")
                .params(Sql.ts(at), due.id()).update();
    }

    /** One HTTP attempt: the status (null when no answer came), how long it took, the answer's start, the error. */
    record Attempt(Integer status, int latencyMs, String excerpt, String error) {
    }

    /** Queues the event again for the endpoint, outside the per-incident order; false when no such event. */
    boolean replay(UUID endpointId, UUID eventId) {
        return jdbc.sql("""
                insert into webhook_delivery (endpoint_id, event_seq, event_id, event_type, order_key, state, replay,
                  next_attempt_at, created_at)
                select ?, e.seq, e.id, e.type, 'replay:' || gen_random_uuid(), 'PENDING', true, ?, ? from event e
                where e.id = ? and e.seq is not null
                """).params(endpointId, Sql.ts(clock.instant()), Sql.ts(clock.instant()), eventId).update() == 1;
    }

    /** Queues again every event of the range the endpoint subscribes to, in order; at most {@code max}. */
    int replay(UUID endpointId, List<String> types, List<String> accounts, Instant from, Instant to, int max) {
        return jdbc.sql("""
                insert into webhook_delivery (endpoint_id, event_seq, event_id, event_type, order_key, state, replay,
                  next_attempt_at, created_at)
                select :endpoint, e.seq, e.id, e.type, 'replay:' || :batch || ':' || %s, 'PENDING', true, :now, :now
                from event e
                where e.seq is not null and e.at >= :from and e.at < :to and e.target_endpoint is null
                  and e.type = any(:types) and (cardinality(:accounts) = 0 or e.account_id = any(:accounts))
                order by e.seq limit :max
                """.formatted(ORDER_KEY))
                .param("endpoint", endpointId).param("batch", UUID.randomUUID().toString())
                .param("now", Sql.ts(clock.instant())).param("from", Sql.ts(from)).param("to", Sql.ts(to))
                .param("types", Sql.textArray(EventType.wireNames(types))).param("accounts", Sql.textArray(accounts)).param("max", max)
                .update();
    }

    /** The endpoint's newest deliveries (in one state, or all), each with its attempts, newest first. */
    List<DeliveryLog> log(UUID endpointId, String state, int limit) {
        List<DeliveryLog> deliveries = jdbc.sql("""
                select * from webhook_delivery where endpoint_id = ? and (cast(? as text) is null or state = ?)
                order by id desc limit ?
                """).params(endpointId, state, state, limit)
                .query((rs, n) -> new DeliveryLog(rs.getLong("id"), rs.getObject("event_id", UUID.class), rs.getLong("event_seq"),
                        rs.getString("event_type"), rs.getString("state"), rs.getBoolean("replay"), rs.getInt("attempts"),
                        instant(rs, "next_attempt_at"), instant(rs, "delivered_at"), (Integer) rs.getObject("last_status"),
                        rs.getString("last_error"), List.of()))
                .list();
        if (deliveries.isEmpty()) {
            return deliveries;
        }
        List<DeliveryLog.Attempt> attempts = jdbc.sql("""
                select * from webhook_attempt where delivery_id in (:ids) order by id
                """).param("ids", deliveries.stream().map(DeliveryLog::id).toList())
                .query((rs, n) -> new DeliveryLog.Attempt(rs.getLong("delivery_id"), instant(rs, "at"), (Integer) rs.getObject("status"),
                        rs.getInt("latency_ms"), rs.getString("response_excerpt"), rs.getString("error")))
                .list();
        return deliveries.stream().map(d -> d.withAttempts(attempts.stream().filter(a -> a.deliveryId() == d.id()).toList()))
                .toList();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
