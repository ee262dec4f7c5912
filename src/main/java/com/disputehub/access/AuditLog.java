package com.disputehub.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.disputehub.database.Sql;

/** The append-only audit log (DOMAIN X6): who did what, on what, from where, when, with which outcome. */
@Repository
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One entry: {@code outcome} is the HTTP status the change answered (or 401 for a refused sign-in). */
    public record Entry(long id, Instant at, String actor, String address, String action, String target, int outcome) {
    }

    void record(String actor, String address, String action, String target, int outcome) {
        jdbc.sql("insert into audit_event (at, actor, address, action, target, outcome) values (?, ?, ?, ?, ?, ?)")
                .params(Sql.ts(clock.instant()), actor, address, action, target, outcome).update();
    }

    /** The newest entries first, before {@code before} (a keyset: the last id of the previous page), optionally by one actor. */
    public List<Entry> page(String actor, Long before, int limit) {
        return jdbc.sql("""
                select * from audit_event where (cast(:actor as text) is null or actor = :actor)
                  and (cast(:before as bigint) is null or id < :before)
                order by id desc limit :limit
                """)
                .param("actor", actor).param("before", before).param("limit", limit)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("address"), rs.getString("action"), rs.getString("target"), rs.getInt("outcome")))
                .list();
    }
}
