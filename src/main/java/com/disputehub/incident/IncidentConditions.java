package com.disputehub.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.disputehub.database.Sql;

/** The SQL condition of a filter on the incident table, with its parameters in order. */
final class IncidentConditions {

    private static final String OPEN = "status not in ('RESOLVED', 'CLOSED', 'REJECTED', 'CANCELLED')";

    private final StringBuilder sql = new StringBuilder("true");
    private final List<Object> params = new ArrayList<>();
    private final Clock clock;
    private final ZoneId zone;

    private IncidentConditions(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** Every condition of {@code filter} (and of its {@code within}), the view's too unless {@code withView} is false. */
    static IncidentConditions of(IncidentFilter filter, boolean withView, Clock clock, ZoneId zone) {
        IncidentConditions c = new IncidentConditions(clock, zone);
        c.add(filter, withView);
        return c;
    }

    String sql() {
        return sql.toString();
    }

    List<Object> params() {
        return params;
    }

    /** Appends a condition written by the caller, with its parameters. */
    IncidentConditions and(String condition, Object... values) {
        sql.append(" and ").append(condition);
        params.addAll(List.of(values));
        return this;
    }

    private void add(IncidentFilter f, boolean withView) {
        equal("channel_type", f.channelType());
        equal("account_id", f.accountId());
        equal("kind", f.kind() == null ? null : f.kind().name());
        equal("status", f.status() == null ? null : f.status().name());
        equal("reason", f.reason() == null ? null : f.reason().name());
        equal("order_id", f.orderId());
        if (withView && f.view() != null) {
            and(f.view().predicate());
        }
        if (f.text() != null) {
            String text = f.text().toLowerCase(java.util.Locale.ROOT);
            and(SearchIndex.CONDITION, "%" + escapeLike(text) + "%", "%" + escapeLike(SearchIndex.narrowing(text)) + "%");
        }
        if (f.skuPrefix() != null) {
            and("exists (select 1 from unnest(skus) as sku where sku like ?)", escapeLike(f.skuPrefix()) + "%");
        }
        if (f.amountMin() != null) {
            and("coalesce(requested_refund_amount, product_value_amount) >= ?", f.amountMin());
        }
        if (f.amountMax() != null) {
            and("coalesce(requested_refund_amount, product_value_amount) <= ?", f.amountMax());
        }
        if (f.deadline() != null) {
            deadline(f.deadline());
        }
        if (f.externalRef() != null) {
            int colon = f.externalRef().indexOf(':');
            if (colon > 0) {
                and("id in (select incident_id from incident_external_ref where name = ? and value = ?)",
                        f.externalRef().substring(0, colon), f.externalRef().substring(colon + 1));
            } else {
                and("id in (select incident_id from incident_external_ref where value = ?)", f.externalRef());
            }
        }
        if (f.assignee() != null) {
            if (f.assignee().equals(FilterForm.NOBODY)) {
                and("not exists (select 1 from incident_work w where w.incident_id = incident.id and w.assignee is not null)");
            } else {
                and("exists (select 1 from incident_work w where w.incident_id = incident.id and lower(w.assignee) = lower(?))",
                        f.assignee());
            }
        }
        if (f.snoozed() != null) {
            and((f.snoozed() ? "" : "not ") + "exists (select 1 from incident_work w where w.incident_id = incident.id and "
                    + WorkStates.SNOOZED + ")", Sql.ts(clock.instant()));
        }
        if (f.pinned() != null) {
            and((f.pinned() ? "" : "not ") + "exists (select 1 from incident_work w where w.incident_id = incident.id and w.pinned)");
        }
        if (f.memberOf() != null) {
            and("id in (select incident_id from incident_group_member where group_id = ?)", f.memberOf());
        }
        if (f.within() != null) {
            add(f.within(), true);
        }
    }

    private void deadline(DeadlineFilter deadline) {
        Instant now = clock.instant();
        if (deadline == DeadlineFilter.OVERDUE) {
            and(OPEN + " and respond_by < ?", Sql.ts(now));
        } else {
            Instant endOfToday = LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
            and(OPEN + " and respond_by >= ? and respond_by < ?", Sql.ts(now), Sql.ts(endOfToday));
        }
    }

    private void equal(String column, String value) {
        if (value != null) {
            and(column + " = ?", value);
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
