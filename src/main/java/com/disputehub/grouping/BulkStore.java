package com.disputehub.grouping;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.disputehub.database.Sql;
import com.disputehub.incident.TimelineText;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** The rows of bulk decisions and their items; an item's decision state is read from the outbox. */
@Component
class BulkStore {

    static final String PLANNED = "PLANNED";
    static final String CONFIRMED = "CONFIRMED";
    static final String QUEUED = "QUEUED";
    static final String APPROVAL_PENDING = "APPROVAL_PENDING";
    static final String NOT_APPROVED = "NOT_APPROVED";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    BulkStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A row to insert: the plan of one incident. */
    record PlannedItem(UUID incidentId, boolean eligible, String refusal, List<TimelineText> why, String commandJson) {

        /** An item refused for these reasons. */
        static PlannedItem refused(UUID incidentId, String refusal, List<TimelineText> why) {
            return new PlannedItem(incidentId, false, refusal, why, null);
        }
    }

    /** An eligible item still to hand to the outbox. */
    record Waiting(UUID incidentId, String commandJson) {
    }

    @Transactional
    void insert(UUID id, String requestedBy, String type, String templateJson, String selection, Instant now,
                List<PlannedItem> items) {
        jdbc.sql("""
                insert into bulk_decision (id, requested_by, decision_type, template, selection, state, created_at, updated_at)
                values (?, ?, ?, ?::jsonb, ?, ?, ?, ?)
                """).params(id, requestedBy, type, templateJson, selection, PLANNED, Sql.ts(now), Sql.ts(now)).update();
        int position = 0;
        for (PlannedItem item : items) {
            TimelineText why = item.why() == null ? null : item.why().stream().reduce(TimelineText::and).orElse(null);
            jdbc.sql("""
                    insert into bulk_decision_item (bulk_id, incident_id, position, eligible, refusal, why, why_text, command)
                    values (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)
                    """).params(id, item.incidentId(), position++, item.eligible(), item.refusal(),
                    why == null ? null : why.english(), why == null ? null : json.writeValueAsString(why), item.commandJson())
                    .update();
        }
    }

    /** PLANNED to CONFIRMED; false when it was not PLANNED. */
    boolean confirm(UUID id, Instant now) {
        return jdbc.sql("update bulk_decision set state = ?, confirmed_at = ?, updated_at = ? where id = ? and state = ?")
                .params(CONFIRMED, Sql.ts(now), Sql.ts(now), id, PLANNED).update() == 1;
    }

    /** PLANNED to APPROVAL_PENDING (X6): confirmed by its requester, it waits for a supervisor. */
    boolean awaitApproval(UUID id, Instant now) {
        return jdbc.sql("update bulk_decision set state = ?, updated_at = ? where id = ? and state = ?")
                .params(APPROVAL_PENDING, Sql.ts(now), id, PLANNED).update() == 1;
    }

    /** A supervisor's answer: to CONFIRMED (it runs) or NOT_APPROVED; false when it no longer waits. */
    boolean review(UUID id, boolean approved, String reviewer, String reason, Instant now) {
        return jdbc.sql("""
                update bulk_decision set state = ?, confirmed_at = ?, reviewed_by = ?, review_reason = ?, reviewed_at = ?,
                  updated_at = ? where id = ? and state = ?
                """).params(approved ? CONFIRMED : NOT_APPROVED, approved ? Sql.ts(now) : null, reviewer, reason,
                        Sql.ts(now), Sql.ts(now), id, APPROVAL_PENDING).update() == 1;
    }

    /** Bulk decisions waiting for a supervisor, oldest first. */
    List<UUID> awaitingApproval() {
        return jdbc.sql("select id from bulk_decision where state = ? order by created_at, id").param(APPROVAL_PENDING)
                .query(UUID.class).list();
    }

    /** Whether a supervisor approved it: its decisions then need no approval of their own. */
    boolean approved(UUID id) {
        return jdbc.sql("select reviewed_by is not null from bulk_decision where id = ?").param(id).query(Boolean.class).single();
    }

    void queued(UUID id, Instant now) {
        jdbc.sql("update bulk_decision set state = ?, updated_at = ? where id = ? and state = ?")
                .params(QUEUED, Sql.ts(now), id, CONFIRMED).update();
    }

    /** A running bulk decision met an error: it says why, and when it tries again. */
    void waitingAfterError(UUID id, String reason, Instant retryAt) {
        jdbc.sql("update bulk_decision set waiting_reason = ?, retry_at = ? where id = ?")
                .params(reason, Sql.ts(retryAt), id).update();
    }

    void notWaiting(UUID id) {
        jdbc.sql("update bulk_decision set waiting_reason = null, retry_at = null where id = ? and waiting_reason is not null")
                .param(id).update();
    }

    List<UUID> confirmed() {
        return jdbc.sql("select id from bulk_decision where state = ? order by confirmed_at").param(CONFIRMED)
                .query(UUID.class).list();
    }

    String requestedBy(UUID id) {
        return jdbc.sql("select requested_by from bulk_decision where id = ?").param(id).query(String.class).single();
    }

    List<Waiting> waiting(UUID id) {
        return jdbc.sql("""
                select incident_id, command::text as command from bulk_decision_item
                where bulk_id = ? and eligible and decision_id is null and refusal is null order by position
                """).param(id).query((rs, n) -> new Waiting(rs.getObject("incident_id", UUID.class), rs.getString("command")))
                .list();
    }

    void handedOver(UUID id, UUID incidentId, UUID decisionId) {
        jdbc.sql("update bulk_decision_item set decision_id = ? where bulk_id = ? and incident_id = ?")
                .params(decisionId, id, incidentId).update();
    }

    void skipped(UUID id, UUID incidentId, String refusal, String why) {
        jdbc.sql("update bulk_decision_item set refusal = ?, why = ? where bulk_id = ? and incident_id = ?")
                .params(refusal, why, id, incidentId).update();
    }

    Optional<BulkDecision> find(UUID id) {
        return jdbc.sql("select * from bulk_decision where id = ?").param(id).query((rs, n) -> {
            Instant confirmed = rs.getTimestamp("confirmed_at") == null ? null : rs.getTimestamp("confirmed_at").toInstant();
            List<BulkItem> items = items(id);
            BulkProgress progress = progress(items);
            String stored = rs.getString("state");
            String state = PLANNED.equals(stored) || APPROVAL_PENDING.equals(stored) || NOT_APPROVED.equals(stored) ? stored
                    : progress.settled() && QUEUED.equals(stored) ? "DONE" : "RUNNING";
            return new BulkDecision(id, state, rs.getString("decision_type"), rs.getString("selection"),
                    rs.getString("requested_by"), rs.getTimestamp("created_at").toInstant(), confirmed, progress, items,
                    rs.getString("waiting_reason"), rs.getTimestamp("retry_at") == null ? null : rs.getTimestamp("retry_at").toInstant(),
                    rs.getString("reviewed_by"), rs.getString("review_reason"));
        }).optional();
    }

    private List<BulkItem> items(UUID id) {
        return jdbc.sql("""
                select i.incident_id, inc.external_id, inc.channel_type, inc.account_id, i.eligible, i.refusal, i.why, i.why_text,
                       i.decision_id, d.state as decision_state, i.command::text as command
                from bulk_decision_item i join incident inc on inc.id = i.incident_id
                left join decision d on d.id = i.decision_id
                where i.bulk_id = ? order by i.position
                """).param(id).query((rs, n) -> {
            boolean eligible = rs.getBoolean("eligible");
            UUID decision = rs.getObject("decision_id", UUID.class);
            String state = !eligible ? "INELIGIBLE" : decision != null ? rs.getString("decision_state")
                    : rs.getString("refusal") != null ? "SKIPPED" : "WAITING";
            return new BulkItem(rs.getObject("incident_id", UUID.class), rs.getString("external_id"),
                    rs.getString("channel_type"), rs.getString("account_id"), eligible, rs.getString("refusal"),
                    rs.getString("why"), decision, state, withoutFileContents(rs.getString("command")),
                    rs.getString("why_text") == null ? null : json.readValue(rs.getString("why_text"), TimelineText.class));
        }).list();
    }

    /** The command as shown: evidence files by name, their bytes left out. */
    private JsonNode withoutFileContents(String command) {
        if (command == null) {
            return null;
        }
        JsonNode node = json.readTree(command);
        node.findParents("contentBase64").forEach(parent -> ((ObjectNode) parent).remove("contentBase64"));
        return node;
    }

    private static BulkProgress progress(List<BulkItem> items) {
        int eligible = 0, sent = 0, recorded = 0, failed = 0, unknown = 0, pending = 0, skipped = 0;
        for (BulkItem item : items) {
            if (!item.eligible()) {
                continue;
            }
            eligible++;
            switch (item.state()) {
                case "SENT" -> sent++;
                case "RECORDED" -> recorded++;
                case "REJECTED", "FAILED" -> failed++;
                case "UNKNOWN" -> unknown++;
                case "SKIPPED" -> skipped++;
                default -> pending++;
            }
        }
        return new BulkProgress(items.size(), eligible, items.size() - eligible, sent, recorded, failed, unknown, pending, skipped);
    }
}
