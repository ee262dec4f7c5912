package com.disputehub.incident;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.disputehub.database.CommitOrder;
import com.disputehub.database.CsvCopy;
import com.disputehub.database.Sql;

/**
 * The ordered feed of incident changes, written in the same transaction as the change itself, and numbered in
 * commit order so that a reader following {@code after} sees every change exactly once (DOMAIN X5).
 */
@Component
public class ChangeFeed {

    /** The advisory lock that makes one sequencer run at a time, across instances. */
    private static final long SEQUENCER_LOCK = 0x4448_4645_4544L;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;
    private final TransactionTemplate tx;

    ChangeFeed(JdbcClient jdbc, JdbcTemplate batch, Clock clock, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
        this.tx = tx;
    }

    void record(UUID incidentId, String change) {
        jdbc.sql("insert into change_event (incident_id, change, at) values (?, ?, ?)")
                .params(incidentId, change, Sql.ts(clock.instant())).update();
    }

    /** The same change of many incidents, in one batch. */
    void recordAll(List<UUID> incidentIds, String change) {
        CsvCopy.copy(batch, encode(incidentIds, change));
    }

    /** {@link #recordAll} in two steps: the rows encoded now, for {@link CsvCopy#copy(JdbcTemplate, CsvCopy.Encoded)}. */
    CsvCopy.Encoded encode(List<UUID> incidentIds, String change) {
        OffsetDateTime at = Sql.ts(clock.instant());
        return CsvCopy.encode("change_event", List.of("incident_id", "change", "at"), incidentIds,
                (id, row) -> row.add(id).add(change).add(at));
    }

    /**
     * Changes after the given sequence number, oldest first. Committed changes get their numbers first, above
     * every number given before: a change still uncommitted now gets a higher one later, never a passed one.
     */
    public List<ChangeEvent> after(long sequence, int limit) {
        CommitOrder.number(jdbc, tx, "change_event", "id", SEQUENCER_LOCK);
        return jdbc.sql("select * from change_event where seq > ? order by seq limit ?")
                .params(sequence, limit)
                .query((rs, n) -> new ChangeEvent(rs.getLong("seq"), rs.getObject("incident_id", UUID.class),
                        rs.getString("change"), IncidentRowMapper.instant(rs, "at")))
                .list();
    }
}
