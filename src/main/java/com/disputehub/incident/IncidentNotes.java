package com.disputehub.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
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
        timeline.append(incidentId, "NOTE", author, OnBehalfOf.add(TimelineText.of("tl.note"), onBehalfOf));
        return new IncidentNote(id, incidentId, author, body, now, onBehalfOf);
    }

    public List<IncidentNote> of(UUID incidentId) {
        return jdbc.sql("select * from incident_note where incident_id = ? order by created_at, id")
                .param(incidentId).query(IncidentNotes::row).list();
    }

    public Optional<IncidentNote> find(long id) {
        return jdbc.sql("select * from incident_note where id = ?").param(id).query(IncidentNotes::row).optional();
    }

    private static IncidentNote row(ResultSet rs, int n) throws SQLException {
        return new IncidentNote(rs.getLong("id"), rs.getObject("incident_id", UUID.class), rs.getString("author"),
                rs.getString("body"), IncidentRowMapper.instant(rs, "created_at"), rs.getString("on_behalf_of"));
    }
}
