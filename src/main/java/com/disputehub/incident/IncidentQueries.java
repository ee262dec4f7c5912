package com.disputehub.incident;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.disputehub.database.Sql;

import tools.jackson.databind.ObjectMapper;

/** Lists incidents with filters and keyset pagination (recent or deadline first), tab counts, and open ones per account. */
@Component
public class IncidentQueries {

    /** Stands for "no deadline" in the deadline order, so that such incidents come last (index of V8). */
    static final Instant NO_DEADLINE = Instant.parse("9999-12-31T00:00:00Z");
    private static final String DEADLINE_KEY = "coalesce(respond_by, timestamptz '9999-12-31 00:00:00+00')";

    private final JdbcClient jdbc;
    private final IncidentRowMapper rows;
    private final Clock clock;
    private final TabCounters counters;
    private final ZoneId zone;

    IncidentQueries(JdbcClient jdbc, ObjectMapper json, Clock clock, TabCounters counters,
                    @Value("${disputehub.inbox.zone:Europe/Madrid}") ZoneId zone) {
        this.jdbc = jdbc;
        this.counters = counters;
        this.rows = new IncidentRowMapper(json);
        this.clock = clock;
        this.zone = zone;
    }

    public IncidentPage search(IncidentFilter filter, String pageToken, int limit) {
        return search(filter, IncidentSort.RECENT, pageToken, limit);
    }

    /** One page in the given order; the token continues the same order and filter. */
    public IncidentPage search(IncidentFilter filter, IncidentSort sort, String pageToken, int limit) {
        IncidentConditions where = IncidentConditions.of(filter, true, clock, zone);
        String key = sort == IncidentSort.DEADLINE ? DEADLINE_KEY : "updated_at";
        String direction = sort == IncidentSort.DEADLINE ? "asc" : "desc";
        if (pageToken != null) {
            Keyset after = Keyset.parse(pageToken, sort);
            where.and("(" + key + ", id) " + (sort == IncidentSort.DEADLINE ? ">" : "<") + " (?, ?)",
                    Sql.ts(after.at()), after.id());
        }
        String sql = "select " + IncidentRowMapper.LIST_COLUMNS + " from incident where " + where.sql()
                + " order by " + key + " " + direction + ", id "
                + direction + " limit ?";
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit + 1);
        List<Incident> found = jdbc.sql(sql).params(params).query(rows).list();
        if (found.size() <= limit) {
            return new IncidentPage(found, null);
        }
        List<Incident> page = found.subList(0, limit);
        Incident last = page.get(limit - 1);
        Instant at = sort == IncidentSort.DEADLINE ? (last.respondBy() == null ? NO_DEADLINE : last.respondBy()) : last.updatedAt();
        return new IncidentPage(List.copyOf(page), new Keyset(sort, at, last.id()).token());
    }

    /**
     * How many incidents of the filter each tab holds, ignoring the filter's own view; ALL for the sum. The counters
     * the database keeps answer the filters they can ({@link TabCounters}); the others count rows.
     */
    public TabCounts counts(IncidentFilter filter) {
        return counters.counts(filter).orElseGet(() -> countRows(filter));
    }

    /** {@link #counts} by counting the rows of the filter. */
    TabCounts countRows(IncidentFilter filter) {
        IncidentConditions where = IncidentConditions.of(filter, false, clock, zone);
        StringBuilder sql = new StringBuilder("select count(*) as all_count");
        for (IncidentView view : IncidentView.values()) {
            sql.append(", count(*) filter (where ").append(view.predicate()).append(") as ").append(view.name());
        }
        sql.append(" from incident where ").append(where.sql());
        return jdbc.sql(sql.toString()).params(where.params()).query((rs, n) -> {
            Map<IncidentView, Long> byView = new EnumMap<>(IncidentView.class);
            for (IncidentView view : IncidentView.values()) {
                byView.put(view, rs.getLong(view.name()));
            }
            return new TabCounts(rs.getLong("all_count"), byView);
        }).single();
    }

    /** The ids of every incident the filter matches, oldest deadline first, up to {@code max}. */
    public List<UUID> matchingIds(IncidentFilter filter, int max) {
        IncidentConditions where = IncidentConditions.of(filter, true, clock, zone);
        List<Object> params = new ArrayList<>(where.params());
        params.add(max);
        return jdbc.sql("select id from incident where " + where.sql() + " order by " + DEADLINE_KEY + ", id limit ?")
                .params(params).query(UUID.class).list();
    }

    /** Whether one incident matches the filter now. */
    public boolean matches(IncidentFilter filter, UUID incidentId) {
        IncidentConditions where = IncidentConditions.of(filter, true, clock, zone).and("id = ?", incidentId);
        return jdbc.sql("select count(*) from incident where " + where.sql()).params(where.params())
                .query(Long.class).single() > 0;
    }

    /** The other incidents of the same order, on any channel: the carrier's, the marketplace's, the supplier's. */
    public List<Incident> relatedTo(Incident incident) {
        if (incident.orderId() == null || incident.orderId().isBlank()) {
            return List.of();
        }
        return jdbc.sql("select * from incident where order_id = ? and id <> ? order by created_at limit 50")
                .params(incident.orderId(), incident.id())
                .query(rows)
                .list();
    }

    /**
     * The newest open marketplace or retailer incident on a store order, from another account than
     * {@code excludedAccount}: the buyer's complaint a supplier claim answers.
     */
    public java.util.Optional<Incident> complaintOn(String orderId, String excludedAccount) {
        return jdbc.sql("""
                select * from incident where order_id = ? and account_id <> ? and kind in ('MARKETPLACE_DISPUTE', 'RETAILER_ISSUE')
                order by updated_at desc limit 1
                """)
                .params(orderId, excludedAccount)
                .query(rows).optional();
    }

    /** External ids and order ids of an account's incidents that are still open, for follow-up reads. */
    public List<OpenIncidentRef> openIncidents(String accountId) {
        return jdbc.sql("""
                select external_id, order_id from incident
                where account_id = ? and status not in ('RESOLVED', 'CLOSED', 'REJECTED', 'CANCELLED')
                order by external_id
                """)
                .param(accountId)
                .query((rs, n) -> new OpenIncidentRef(rs.getString("external_id"), rs.getString("order_id")))
                .list();
    }

    /** The position after which the next page starts, in one order. */
    record Keyset(IncidentSort sort, Instant at, UUID id) {

        String token() {
            String raw = sort.name() + "|" + at + "|" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Keyset parse(String token, IncidentSort expected) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|");
                Keyset key = new Keyset(IncidentSort.valueOf(parts[0]), Instant.parse(parts[1]), UUID.fromString(parts[2]));
                // PostgreSQL's timestamptz ends at year 294276; the far date stands for "no deadline"
                if (key.at().isBefore(Instant.EPOCH) || key.at().isAfter(Instant.parse("9999-12-31T00:00:00Z"))) {
                    throw new IllegalArgumentException("page token out of range");
                }
                if (key.sort() != expected) {
                    throw new IllegalArgumentException("page token of another sort");
                }
                return key;
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("invalid page token '" + token + "' for sort " + expected.name().toLowerCase()
                        + "; start again without 'after'");
            }
        }
    }
}
