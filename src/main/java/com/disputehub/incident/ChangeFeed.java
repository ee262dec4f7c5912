package com.disputehub.incident;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.disputehub.database.Sql;

/** The ordered feed of incident changes, written in the same transaction as the change itself. */
@Component
public class ChangeFeed {

    private final JdbcClient jdbc;
    private final Clock clock;

    ChangeFeed(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(UUID incidentId, String change) {
        jdbc.sql("insert into change_event (incident_id, change, at) values (?, ?, ?)")
                .params(incidentId, change, Sql.ts(clock.instant()))
                .update();
    }

    /** Changes after the given sequence number, oldest first. */
    public List<ChangeEvent> after(long sequence, int limit) {
        return jdbc.sql("select * from change_event where id > ? order by id limit ?")
                .params(sequence, limit)
                .query((rs, n) -> new ChangeEvent(rs.getLong("id"), rs.getObject("incident_id", UUID.class),
                        rs.getString("change"), IncidentRowMapper.instant(rs, "at")))
                .list();
    }
}
