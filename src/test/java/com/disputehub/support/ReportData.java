package com.disputehub.support;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.disputehub.database.Sql;

/**
 * A data set for the reports whose figures are known by construction (DOMAIN X9): incidents of a channel type and
 * accounts no other test uses ({@link #CHANNEL}), opened at chosen times, answered and closed after chosen hours,
 * and refunds confirmed in Swiss francs, which no other test pays.
 */
public final class ReportData {

    public static final String CHANNEL = "report-test";
    public static final String SUPPLIER = "report-supplier";

    private final JdbcClient jdbc;
    private final Instant now;

    public ReportData(JdbcClient jdbc, Instant now) {
        this.jdbc = jdbc;
        this.now = now;
    }

    public void wipe() {
        jdbc.sql("delete from decision where channel_type = ?").param(CHANNEL).update();
        jdbc.sql("delete from incident_work where incident_id in (select id from incident where channel_type = ?)").param(CHANNEL).update();
        jdbc.sql("delete from timeline_event where incident_id in (select id from incident where channel_type = ?)").param(CHANNEL).update();
        jdbc.sql("delete from incident where channel_type = ?").param(CHANNEL).update();
    }

    /**
     * An incident opened {@code openedDaysAgo} days ago, with this status, SKU and reason; {@code deadlineHours} from
     * now (negative: overdue; null: none).
     */
    public UUID incident(String account, String kind, String status, String sku, String reason, double openedDaysAgo,
                         Integer deadlineHours, String refund) {
        UUID id = UUID.randomUUID();
        Instant opened = now.minus(Duration.ofMinutes((long) (openedDaysAgo * 24 * 60)));
        jdbc.sql("""
                insert into incident (id, channel_type, account_id, kind, external_id, order_id, reason, status, channel_status,
                  action_owner, raw_status, skus, respond_by, opened_at, requested_refund_amount, requested_refund_currency,
                  raw_payload, adapter_version, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'SELLER', ?, array[?], ?, ?, ?::numeric, ?, '{}'::jsonb, 'report-1', ?, ?)
                """).params(id, CHANNEL, account, kind, "R-" + id.toString().substring(0, 8), "O-" + id.toString().substring(0, 8), reason,
                status, status, status, sku, deadlineHours == null ? null : Sql.ts(now.plus(Duration.ofHours(deadlineHours))),
                Sql.ts(opened), refund, refund == null ? null : "CHF", Sql.ts(opened), Sql.ts(opened)).update();
        return id;
    }

    /** The first decision on the incident, asked {@code hoursAfterOpening} after it opened. */
    public void answered(UUID incident, double hoursAfterOpening, String type, String state) {
        Instant opened = jdbc.sql("select opened_at from incident where id = ?").param(incident).query(java.time.OffsetDateTime.class)
                .single().toInstant();
        Instant at = opened.plus(Duration.ofMinutes((long) (hoursAfterOpening * 60)));
        jdbc.sql("""
                insert into decision (id, incident_id, account_id, channel_type, type, payload, state, idempotency_key, key_scope,
                  requested_by, created_at, updated_at)
                select ?, id, account_id, channel_type, ?, ?::jsonb, ?, ?, 'auto', 'report-test', ?, ? from incident where id = ?
                """).params(UUID.randomUUID(), type, "{\"type\":\"" + type + "\",\"mode\":\"TOTAL\",\"reasonCode\":\"20\"}", state,
                "report-" + UUID.randomUUID(), Sql.ts(at), Sql.ts(at), incident).update();
    }

    /** The channel closed the incident {@code hoursAfterOpening} after it opened (the database sets closed_at). */
    public void closed(UUID incident, double hoursAfterOpening) {
        Instant opened = jdbc.sql("select opened_at from incident where id = ?").param(incident).query(java.time.OffsetDateTime.class)
                .single().toInstant();
        jdbc.sql("update incident set status = 'CLOSED', channel_status = 'CLOSED', updated_at = ? where id = ?")
                .params(Sql.ts(opened.plus(Duration.ofMinutes((long) (hoursAfterOpening * 60)))), incident).update();
    }

    /**
     * The set: 6 incidents in 'report-a' (4 open: 2 needing action of which 1 overdue, 1 waiting, 1 sent; 2 closed),
     * 2 supplier claims in 'report-supplier'; first responses after 2, 10, 30 and 50 hours; closings after 20 and 40
     * hours; two total refunds of 12.50 and 30.00 CHF confirmed; one opened 40 days ago, before the period.
     */
    public void seed() {
        UUID a = incident("report-a", "MARKETPLACE_DISPUTE", "NEEDS_SELLER_ACTION", "REP-LAMP", "DAMAGED", 1, 5, "12.50");
        UUID b = incident("report-a", "MARKETPLACE_DISPUTE", "NEEDS_SELLER_ACTION", "REP-LAMP", "DAMAGED", 2, -3, null);
        UUID c = incident("report-a", "MARKETPLACE_DISPUTE", "WAITING_FOR_BUYER", "REP-CUP", "NOT_DELIVERED", 3, null, null);
        UUID d = incident("report-a", "MARKETPLACE_DISPUTE", "DECISION_SENT", "REP-CUP", "DAMAGED", 4, null, "30.00");
        UUID e = incident("report-a", "MARKETPLACE_DISPUTE", "NEEDS_SELLER_ACTION", "REP-LAMP", "WRONG_ITEM", 5, 48, null);
        UUID f = incident("report-a", "MARKETPLACE_DISPUTE", "NEEDS_SELLER_ACTION", "REP-LAMP", "DAMAGED", 6, null, null);
        incident(SUPPLIER, "SUPPLIER_CLAIM", "NEEDS_SELLER_ACTION", "REP-BULB", "DEFECTIVE", 2, null, null);
        incident(SUPPLIER, "SUPPLIER_CLAIM", "NEEDS_SELLER_ACTION", "REP-BULB", "DEFECTIVE", 40, null, null);
        answered(a, 2, "REFUND", "SENT");
        answered(c, 10, "SEND_MESSAGE", "SENT");
        answered(d, 30, "REFUND", "SENT");
        answered(e, 50, "SEND_MESSAGE", "FAILED");
        closed(e, 20);
        closed(f, 40);
    }
}
