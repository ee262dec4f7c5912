package com.disputehub.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.disputehub.database.Sql;
import com.disputehub.incident.IncidentStatus;
import com.disputehub.incident.IncidentView;

import tools.jackson.databind.ObjectMapper;

/**
 * The figures of the dashboard and of {@code /api/reports}, each one SQL query over the incidents and decisions
 * (DOMAIN X9). Times are in hours with one decimal; money is summed per currency, never across currencies.
 */
@Component
public class Reports {

    /** What disputes can be counted by. */
    public enum By { SKU, SUPPLIER, REASON, CHANNEL;

        public static By parse(String value) {
            if (value == null || value.isBlank()) {
                return CHANNEL;
            }
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'by' cannot be '" + value + "'; one of [sku, supplier, reason, channel]");
            }
        }
    }

    static final String OPEN = "status in (" + Arrays.stream(IncidentStatus.values()).filter(IncidentStatus::isOpen)
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ")) + ")";
    private static final String OPENED = "coalesce(i.opened_at, i.created_at)";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final ServiceLevels levels;
    private final ObjectMapper json;

    Reports(JdbcClient jdbc, Clock clock, @Value("${disputehub.inbox.zone:Europe/Madrid}") ZoneId zone, ServiceLevels levels,
            ObjectMapper json) {
        this.json = json;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
        this.levels = levels;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Open incidents per channel: each open tab, due today, overdue, and all open. */
    public ReportTable open() {
        Instant now = clock.instant();
        Instant endOfToday = LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
        List<String> columns = new ArrayList<>(List.of("channel"));
        StringBuilder sql = new StringBuilder("select channel_type");
        for (IncidentView view : List.of(IncidentView.ACTION_NEEDED, IncidentView.FIRST_ABSENCE, IncidentView.DECISION_SENT,
                IncidentView.WAITING)) {
            columns.add(view.name().toLowerCase(Locale.ROOT));
            sql.append(", count(*) filter (where ").append(view.predicate()).append(")");
        }
        columns.addAll(List.of("due_today", "overdue", "open"));
        sql.append(", count(*) filter (where ").append(OPEN).append(" and respond_by >= ? and respond_by < ?)")
                .append(", count(*) filter (where ").append(OPEN).append(" and respond_by < ?)")
                .append(", count(*) filter (where ").append(OPEN).append(")")
                .append(" from incident group by channel_type order by channel_type");
        List<List<Object>> rows = jdbc.sql(sql.toString()).params(Sql.ts(now), Sql.ts(endOfToday), Sql.ts(now))
                .query((rs, n) -> row(rs, columns.size())).list();
        return new ReportTable("open", null, now, columns, rows);
    }

    /**
     * Per channel, for incidents opened in the period: the first response (the first decision asked, by anyone)
     * and the resolution (closing), in hours, median and 90th percentile, and the share of first responses within
     * the channel's service level.
     */
    public ReportTable responseTimes(Period period) {
        List<List<Object>> rows = jdbc.sql("""
                with first_response as (
                  select incident_id, min(created_at) as at from decision where state <> 'NOT_APPROVED' group by incident_id)
                select i.channel_type, count(*) as opened, count(f.at) as answered,
                  percentile_cont(0.5) within group (order by extract(epoch from f.at - %1$s) / 3600) filter (where f.at is not null),
                  percentile_cont(0.9) within group (order by extract(epoch from f.at - %1$s) / 3600) filter (where f.at is not null),
                  count(i.closed_at) as resolved,
                  percentile_cont(0.5) within group (order by extract(epoch from i.closed_at - %1$s) / 3600) filter (where i.closed_at is not null),
                  percentile_cont(0.9) within group (order by extract(epoch from i.closed_at - %1$s) / 3600) filter (where i.closed_at is not null),
                  count(*) filter (where extract(epoch from f.at - %1$s)
                    <= coalesce((cast(? as jsonb) ->> i.channel_type)::numeric, ?)) as within_level
                from incident i left join first_response f on f.incident_id = i.id
                where %1$s >= ? and %1$s < ?
                group by i.channel_type order by i.channel_type
                """.formatted(OPENED)).params(json.writeValueAsString(levels.seconds()), ServiceLevels.OTHERWISE.toSeconds(),
                        Sql.ts(period.from()), Sql.ts(period.to())).query((rs, n) -> {
                    String channel = rs.getString(1);
                    long within = rs.getLong(9);
                    long answered = rs.getLong(3);
                    List<Object> row = new ArrayList<>();
                    row.add(channel);
                    row.add(rs.getLong(2));
                    row.add(answered);
                    row.add(hours(rs, 4));
                    row.add(hours(rs, 5));
                    row.add(BigDecimal.valueOf(levels.of(channel).toMinutes()).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP));
                    row.add(answered == 0 ? null : BigDecimal.valueOf(100.0 * within / answered).setScale(1, RoundingMode.HALF_UP));
                    row.add(rs.getLong(6));
                    row.add(hours(rs, 7));
                    row.add(hours(rs, 8));
                    return row;
                }).list();
        return new ReportTable("response-times", period.from(), period.to(), List.of("channel", "opened", "answered",
                "first_response_median_hours", "first_response_p90_hours", "service_level_hours", "answered_within_service_level_pct",
                "resolved", "resolution_median_hours", "resolution_p90_hours"), rows);
    }

    /**
     * Disputes opened in the period by SKU, supplier (the supplier claims' account), reason or channel: how many,
     * their share of all disputes opened then, and how many the period before of the same length had.
     */
    public ReportTable disputes(By by, Period period) {
        String key = switch (by) {
            case SKU -> "sku";
            case SUPPLIER -> "i.account_id";
            case REASON -> "i.reason";
            case CHANNEL -> "i.channel_type";
        };
        String from = by == By.SKU ? "incident i cross join lateral unnest(case when cardinality(i.skus) = 0 then array['(none)'] else i.skus end) as sku"
                : "incident i";
        String only = by == By.SUPPLIER ? " and i.kind = 'SUPPLIER_CLAIM'" : "";
        Period before = period.previous();
        List<List<Object>> rows = jdbc.sql("""
                select %1$s as key,
                  count(*) filter (where %3$s >= ? and %3$s < ?) as disputes,
                  count(*) filter (where %3$s >= ? and %3$s < ?) as previous
                from %2$s where %3$s >= ? and %3$s < ?%4$s
                group by 1 order by 2 desc, 1
                """.formatted(key, from, OPENED, only)).params(Sql.ts(period.from()), Sql.ts(period.to()),
                Sql.ts(before.from()), Sql.ts(before.to()), Sql.ts(before.from()), Sql.ts(period.to()))
                .query((rs, n) -> row(rs, 3)).list();
        long total = rows.stream().mapToLong(r -> ((Number) r.get(1)).longValue()).sum();
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> r : rows) {
            long disputes = ((Number) r.get(1)).longValue();
            long previous = ((Number) r.get(2)).longValue();
            if (disputes == 0 && previous == 0) {
                continue;
            }
            out.add(List.of(r.get(0), disputes, total == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(100.0 * disputes / total).setScale(1, RoundingMode.HALF_UP), previous, disputes - previous));
        }
        return new ReportTable("disputes-by-" + by.name().toLowerCase(Locale.ROOT), period.from(), period.to(),
                List.of(by.name().toLowerCase(Locale.ROOT), "disputes", "share_pct", "previous_period", "change"), out);
    }

    /**
     * Refunds the channels confirmed, per week (Monday, in the inbox's zone) and currency: how many, and the money
     * (a total refund: the amount asked, else the product's value; a detailed one: its amounts and taxes).
     */
    public ReportTable refunds(Period period) {
        List<List<Object>> rows = jdbc.sql("""
                select to_char(date_trunc('week', d.updated_at at time zone ?), 'YYYY-MM-DD') as week,
                  coalesce(i.requested_refund_currency, i.product_value_currency) as currency, count(*) as refunds,
                  sum(case when d.payload->>'mode' = 'DETAILED' then
                        coalesce((d.payload->>'amount')::numeric, 0) + coalesce((d.payload->>'shippingAmount')::numeric, 0)
                        + (select coalesce(sum((t->>'amount')::numeric), 0) from jsonb_array_elements(
                            coalesce(d.payload->'taxes', '[]'::jsonb) || coalesce(d.payload->'shippingTaxes', '[]'::jsonb)) t)
                      else coalesce(i.requested_refund_amount, i.product_value_amount, 0) end) as paid
                from decision d join incident i on i.id = d.incident_id
                where d.type = 'REFUND' and d.state = 'SENT' and d.updated_at >= ? and d.updated_at < ?
                group by 1, 2 order by 1, 2
                """).params(zone.getId(), Sql.ts(period.from()), Sql.ts(period.to())).query((rs, n) -> {
                    List<Object> row = row(rs, 3);
                    row.add(rs.getBigDecimal(4).setScale(2, RoundingMode.HALF_UP));
                    return row;
                }).list();
        return new ReportTable("refunds", period.from(), period.to(), List.of("week", "currency", "refunds", "paid"), rows);
    }

    private static BigDecimal hours(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }

    private static List<Object> row(ResultSet rs, int columns) throws SQLException {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
            Object value = rs.getObject(i);
            row.add(value instanceof Integer n ? Long.valueOf(n) : value);
        }
        return row;
    }
}
