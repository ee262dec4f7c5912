package com.disputehub.incident;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.disputehub.database.CsvCopy;
import com.disputehub.database.Sql;

import tools.jackson.databind.ObjectMapper;

/** Appends to and reads an incident's timeline; callers provide the transaction. */
@Component
public class Timeline {

    private static final String INSERT =
            "insert into timeline_event (incident_id, at, type, actor, summary, text) values (?, ?, ?, ?, ?, cast(? as json))";
    private static final List<String> COLUMNS = List.of("incident_id", "at", "type", "actor", "summary", "text");

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;
    private final ObjectMapper json;

    Timeline(JdbcClient jdbc, JdbcTemplate batch, Clock clock, ObjectMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
        this.json = json;
    }

    /** An entry in a channel's or an adapter's own words, the same in every language. */
    public void append(UUID incidentId, String type, String actor, String summary) {
        insert(incidentId, type, actor, summary, null);
    }

    /** An entry in words each page says in its language; the API's summary is their English. */
    public void append(UUID incidentId, String type, String actor, TimelineText text) {
        insert(incidentId, type, actor, text.english(), json.writeValueAsString(text));
    }

    /** Entries for many incidents in one batch, in their order: what a page of a sync writes. */
    void appendAll(List<Entry> entries) {
        CsvCopy.copy(batch, encode(entries));
    }

    /** {@link #appendAll} in two steps: the entries encoded now, for {@link CsvCopy#copy(JdbcTemplate, CsvCopy.Encoded)}. */
    CsvCopy.Encoded encode(List<Entry> entries) {
        OffsetDateTime at = Sql.ts(clock.instant());
        return CsvCopy.encode("timeline_event", COLUMNS, entries, (e, row) -> row.add(e.incidentId()).add(at).add(e.type())
                .add(e.actor()).add(e.text().english()).add(json.writeValueAsString(e.text())));
    }

    private void insert(UUID incidentId, String type, String actor, String summary, String text) {
        jdbc.sql(INSERT).params(incidentId, Sql.ts(clock.instant()), type, actor, summary, text).update();
    }

    /** One entry of {@link #appendAll}. */
    record Entry(UUID incidentId, String type, String actor, TimelineText text) {
    }

    public List<TimelineEvent> of(UUID incidentId) {
        return jdbc.sql("select * from timeline_event where incident_id = ? order by at, id")
                .param(incidentId)
                .query((rs, n) -> new TimelineEvent(rs.getLong("id"), incidentId,
                        IncidentRowMapper.instant(rs, "at"), rs.getString("type"), rs.getString("actor"),
                        rs.getString("summary"), text(rs.getString("text"))))
                .list();
    }

    private TimelineText text(String stored) {
        return stored == null ? null : json.readValue(stored, TimelineText.class);
    }
}
