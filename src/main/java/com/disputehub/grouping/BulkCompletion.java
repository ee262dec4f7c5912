package com.disputehub.grouping;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.disputehub.database.Sql;
import com.disputehub.decision.DecisionsReached;
import com.disputehub.event.EventLog;
import com.disputehub.event.EventSubject;
import com.disputehub.event.EventType;

/**
 * Writes bulk.completed (DOMAIN X7) once, when a handed-over run's last item settles. The run's row is locked first:
 * two items settling at once are checked one after the other, so the later one sees the earlier and tells.
 */
@Component
class BulkCompletion {

    private final JdbcClient jdbc;
    private final BulkStore store;
    private final EventLog events;
    private final Clock clock;

    BulkCompletion(JdbcClient jdbc, BulkStore store, EventLog events, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(DecisionsReached reached) {
        List<UUID> settled = reached.settled();
        if (!settled.isEmpty()) {
            jdbc.sql("select distinct bulk_id from bulk_decision_item where decision_id in (:ids) order by bulk_id")
                    .param("ids", settled).query(UUID.class).list().forEach(this::check);
        }
    }

    @Transactional
    void check(UUID bulkId) {
        boolean open = jdbc.sql("select completed_at is null and state = ? from bulk_decision where id = ? for update")
                .params(BulkStore.QUEUED, bulkId).query(Boolean.class).optional().orElse(false);
        if (!open) {
            return;
        }
        BulkDecision bulk = store.find(bulkId).orElseThrow();
        if (!bulk.progress().settled()) {
            return;
        }
        jdbc.sql("update bulk_decision set completed_at = ? where id = ?").params(Sql.ts(clock.instant()), bulkId).update();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", bulk.id());
        data.put("decisionType", bulk.decisionType());
        data.put("requestedBy", bulk.requestedBy());
        data.put("selection", bulk.selection());
        data.put("progress", bulk.progress());
        data.put("links", Map.of("self", "/api/bulk-decisions/" + bulk.id(), "page", "/inbox/bulk/" + bulk.id()));
        events.append(EventType.BULK_COMPLETED, EventSubject.none(), Map.of("bulk", data));
    }
}
