package com.disputehub.incident;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the seller's work on incidents: one, or a page's worth in one query. */
@Component
public class WorkStates {

    /** The SQL condition, on {@code incident_work w}, of a snooze still holding at the parameter's time. */
    static final String SNOOZED = "w.snoozed_at is not null and (w.snoozed_until is null or w.snoozed_until > ?)";

    private final JdbcClient jdbc;

    WorkStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public WorkState of(UUID incidentId) {
        return of(List.of(incidentId)).getOrDefault(incidentId, WorkState.NONE);
    }

    /** The work on each of these incidents that has any; the others have {@link WorkState#NONE}. */
    public Map<UUID, WorkState> of(Collection<UUID> incidentIds) {
        Map<UUID, WorkState> found = new HashMap<>();
        if (incidentIds.isEmpty()) {
            return found;
        }
        jdbc.sql("select * from incident_work where incident_id = any(?)").param(incidentIds.toArray(UUID[]::new))
                .query(rs -> {
                    found.put(rs.getObject("incident_id", UUID.class), new WorkState(rs.getString("assignee"),
                            IncidentRowMapper.instant(rs, "assigned_at"), rs.getBoolean("pinned"),
                            IncidentRowMapper.instant(rs, "snoozed_at"), IncidentRowMapper.instant(rs, "snoozed_until")));
                });
        return found;
    }
}
