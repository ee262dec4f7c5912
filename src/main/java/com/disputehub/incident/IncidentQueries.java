package com.disputehub.incident;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.disputehub.database.Sql;

import tools.jackson.databind.ObjectMapper;

/** Lists incidents with filters and keyset pagination (most recently changed first), and open ones per account. */
@Component
public class IncidentQueries {

    private final JdbcClient jdbc;
    private final IncidentRowMapper rows;

    IncidentQueries(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.rows = new IncidentRowMapper(json);
    }

    public IncidentPage search(IncidentFilter filter, String pageToken, int limit) {
        StringBuilder sql = new StringBuilder("select * from incident where true");
        List<Object> params = new ArrayList<>();
        addEquals(sql, params, "channel_type", filter.channelType());
        addEquals(sql, params, "account_id", filter.accountId());
        addEquals(sql, params, "kind", filter.kind() == null ? null : filter.kind().name());
        addEquals(sql, params, "status", filter.status() == null ? null : filter.status().name());
        addEquals(sql, params, "reason", filter.reason() == null ? null : filter.reason().name());
        addEquals(sql, params, "order_id", filter.orderId());
        if (filter.view() != null) {
            sql.append(" and ").append(filter.view().predicate());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            sql.append(" and (external_id ilike ? or order_id ilike ? or product_title ilike ? or buyer_name ilike ?"
                    + " or raw_reason_label ilike ? or messages::text ilike ?)");
            String like = "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            for (int i = 0; i < 6; i++) {
                params.add(like);
            }
        }
        if (pageToken != null) {
            Keyset key = Keyset.parse(pageToken);
            sql.append(" and (updated_at, id) < (?, ?)");
            params.add(Sql.ts(key.updatedAt()));
            params.add(key.id());
        }
        sql.append(" order by updated_at desc, id desc limit ?");
        params.add(limit + 1);
        List<Incident> found = jdbc.sql(sql.toString()).params(params).query(rows).list();
        if (found.size() <= limit) {
            return new IncidentPage(found, null);
        }
        List<Incident> page = found.subList(0, limit);
        Incident last = page.get(limit - 1);
        return new IncidentPage(List.copyOf(page), new Keyset(last.updatedAt(), last.id()).token());
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

    private static void addEquals(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" and ").append(column).append(" = ?");
            params.add(value);
        }
    }

    /** The position after which the next page starts. */
    record Keyset(Instant updatedAt, UUID id) {

        String token() {
            String raw = updatedAt.toString() + "|" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Keyset parse(String token) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                int bar = raw.indexOf('|');
                return new Keyset(Instant.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("invalid page token: '" + token + "'");
            }
        }
    }
}
