package com.disputehub.incident;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.disputehub.database.Sql;

/** Appends to and reads an incident's timeline; callers provide the transaction. */
@Component
public class Timeline {

    private final JdbcClient jdbc;
    private final Clock clock;

    Timeline(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void append(UUID incidentId, String type, String actor, String summary) {
        jdbc.sql("insert into timeline_event (incident_id, at, type, actor, summary) values (?, ?, ?, ?, ?)")
                .params(incidentId, Sql.ts(clock.instant()), type, actor, summary)
                .update();
    }

    public List<TimelineEvent> of(UUID incidentId) {
        return jdbc.sql("select * from timeline_event where incident_id = ? order by at, id")
                .param(incidentId)
                .query((rs, n) -> new TimelineEvent(rs.getLong("id"), incidentId,
                        IncidentRowMapper.instant(rs, "at"), rs.getString("type"), rs.getString("actor"),
                        rs.getString("summary")))
                .list();
    }
}
