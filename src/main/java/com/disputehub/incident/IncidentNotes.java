package com.disputehub.incident;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.disputehub.database.Sql;

/** Adds and lists internal notes; adding one also writes a timeline entry. */
@Component
public class IncidentNotes {

    private final JdbcClient jdbc;
    private final Timeline timeline;
    private final Clock clock;

    IncidentNotes(JdbcClient jdbc, Timeline timeline, Clock clock) {
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional
    public IncidentNote add(UUID incidentId, String author, String body) {
        return add(incidentId, author, body, null);
    }

    /** A note whose caller says it writes for {@code onBehalfOf} (informational; the author stays the caller). */
    public IncidentNote add(UUID incidentId, String author, String body, String onBehalfOf) {
        Texts.check("author", author, Texts.NAME);
        Texts.check("body", body, Texts.LONG);
        Texts.check("onBehalfOf", onBehalfOf, Texts.NAME);
        var now = clock.instant();
        long id = jdbc.sql("""
                insert into incident_note (incident_id, author, body, created_at, on_behalf_of) values (?, ?, ?, ?, ?) returning id
                """)
                .params(incidentId, author, body, Sql.ts(now), onBehalfOf)
                .query(Long.class).single();
        timeline.append(incidentId, "NOTE", author, "Internal note added" + OnBehalfOf.suffix(onBehalfOf));
        return new IncidentNote(id, incidentId, author, body, now, onBehalfOf);
    }

    public List<IncidentNote> of(UUID incidentId) {
        return jdbc.sql("select * from incident_note where incident_id = ? order by created_at, id")
                .param(incidentId)
                .query((rs, n) -> new IncidentNote(rs.getLong("id"), incidentId, rs.getString("author"),
                        rs.getString("body"), IncidentRowMapper.instant(rs, "created_at"), rs.getString("on_behalf_of")))
                .list();
    }
}
