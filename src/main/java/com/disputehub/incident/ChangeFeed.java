package com.disputehub.incident;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final Clock clock;
    private final TransactionTemplate tx;

    ChangeFeed(JdbcClient jdbc, Clock clock, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = tx;
    }

    void record(UUID incidentId, String change) {
        jdbc.sql("insert into change_event (incident_id, change, at) values (?, ?, ?)")
                .params(incidentId, change, Sql.ts(clock.instant()))
                .update();
    }

    /**
     * Changes after the given sequence number, oldest first. Committed changes get their numbers first, above
     * every number given before: a change still uncommitted now gets a higher one later, never a passed one.
     */
    public List<ChangeEvent> after(long sequence, int limit) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(SEQUENCER_LOCK).query((rs, n) -> true).list();
            jdbc.sql("""
                    update change_event c set seq = n.base + n.rn
                    from (select id, row_number() over (order by id) as rn,
                                 (select coalesce(max(seq), 0) from change_event) as base
                          from change_event where seq is null) n
                    where c.id = n.id
                    """).update();
        });
        return jdbc.sql("select * from change_event where seq > ? order by seq limit ?")
                .params(sequence, limit)
                .query((rs, n) -> new ChangeEvent(rs.getLong("seq"), rs.getObject("incident_id", UUID.class),
                        rs.getString("change"), IncidentRowMapper.instant(rs, "at")))
                .list();
    }
}
