package com.disputehub.incident;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.disputehub.database.Sql;

/**
 * Tab counts from the counters the database keeps per channel, account, kind, status and first-absence mark (V29),
 * for the filters they answer: by channel, account, kind and status only, snoozed incidents counted or left out
 * (the few snoozed ones are then counted and taken away). Every other filter counts rows, which its own index narrows.
 */
@Component
class TabCounters {

    private final JdbcClient jdbc;
    private final Clock clock;

    TabCounters(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The counts, or empty when the filter needs rows counted. */
    Optional<TabCounts> counts(IncidentFilter f) {
        if (f.reason() != null || f.orderId() != null || f.text() != null || f.skuPrefix() != null || f.amountMin() != null
                || f.amountMax() != null || f.deadline() != null || f.externalRef() != null || f.assignee() != null
                || Boolean.TRUE.equals(f.snoozed()) || f.pinned() != null || f.memberOf() != null || f.within() != null) {
            return Optional.empty();
        }
        List<Object> params = new ArrayList<>();
        String where = where(f, params);
        Map<IncidentView, Long> byView = new EnumMap<>(IncidentView.class);
        for (IncidentView view : IncidentView.values()) {
            byView.put(view, 0L);
        }
        jdbc.sql("select status, first_absence, sum(delta) as n from incident_count c where " + where
                        + " group by status, first_absence")
                .params(params).query(rs -> {
                    add(byView, rs.getString("status"), rs.getBoolean("first_absence"), rs.getLong("n"));
                });
        if (Boolean.FALSE.equals(f.snoozed())) {
            List<Object> snoozedParams = new ArrayList<>(params);
            snoozedParams.add(Sql.ts(clock.instant()));
            jdbc.sql("select status, 'FIRST_ABSENCE' = any(flags) as first_absence, count(*) as n from incident c "
                            + "join incident_work w on w.incident_id = c.id where " + where + " and " + WorkStates.SNOOZED
                            + " group by 1, 2")
                    .params(snoozedParams).query(rs -> {
                        add(byView, rs.getString("status"), rs.getBoolean("first_absence"), -rs.getLong("n"));
                    });
        }
        return Optional.of(new TabCounts(byView.values().stream().mapToLong(Long::longValue).sum(), byView));
    }

    /**
     * Sums the counters' rows into one per group, in one statement: rows appended meanwhile by other transactions
     * are not seen by it and stay. Answers how many rows it read.
     */
    int compact() {
        return jdbc.sql("""
                with gone as (delete from incident_count
                              returning channel_type, account_id, kind, status, first_absence, delta),
                     summed as (insert into incident_count (channel_type, account_id, kind, status, first_absence, delta)
                                select channel_type, account_id, kind, status, first_absence, sum(delta) from gone
                                group by 1, 2, 3, 4, 5 having sum(delta) <> 0)
                select count(*) from gone
                """).query(Integer.class).single();
    }

    private static String where(IncidentFilter f, List<Object> params) {
        StringBuilder where = new StringBuilder("true");
        condition(where, params, "channel_type", f.channelType());
        condition(where, params, "account_id", f.accountId());
        condition(where, params, "kind", f.kind() == null ? null : f.kind().name());
        condition(where, params, "status", f.status() == null ? null : f.status().name());
        return where.toString();
    }

    private static void condition(StringBuilder where, List<Object> params, String column, String value) {
        if (value != null) {
            where.append(" and c.").append(column).append(" = ?");
            params.add(value);
        }
    }

    private static void add(Map<IncidentView, Long> byView, String status, boolean firstAbsence, long n) {
        IncidentView view = IncidentView.of(IncidentStatus.valueOf(status), firstAbsence);
        byView.merge(view, n, Long::sum);
    }
}
