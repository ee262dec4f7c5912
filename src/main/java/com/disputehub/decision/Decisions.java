package com.disputehub.decision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.disputehub.channel.DecisionCommand;
import com.disputehub.database.Sql;

import tools.jackson.databind.ObjectMapper;

/** The decision table, which is also the outbox: claimed with FOR UPDATE SKIP LOCKED so that instances never share a row. */
@Repository
public class Decisions {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    Decisions(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    void insert(Decision d) {
        jdbc.sql("""
                insert into decision (id, incident_id, account_id, channel_type, type, payload, state, idempotency_key,
                  requested_by, attempts, created_at, updated_at)
                values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, 0, ?, ?)
                """)
                .params(d.id(), d.incidentId(), d.accountId(), d.channelType(), d.command().type().name(),
                        json.writerFor(DecisionCommand.class).writeValueAsString(d.command()), d.state().name(),
                        d.idempotencyKey(), d.requestedBy(), Sql.ts(d.createdAt()), Sql.ts(d.updatedAt()))
                .update();
    }

    public Optional<Decision> find(UUID id) {
        return jdbc.sql("select * from decision where id = ?").param(id).query(this::row).optional();
    }

    Optional<Decision> findByIdempotencyKey(String key) {
        return jdbc.sql("select * from decision where idempotency_key = ?").param(key).query(this::row).optional();
    }

    public List<Decision> ofIncident(UUID incidentId) {
        return jdbc.sql("select * from decision where incident_id = ? order by created_at, id").param(incidentId)
                .query(this::row).list();
    }

    public List<Decision> inState(DecisionState state, int limit) {
        return jdbc.sql("select * from decision where state = ? order by updated_at desc limit ?")
                .params(state.name(), limit).query(this::row).list();
    }

    /** Moves up to {@code limit} requested decisions to SENDING and answers their ids; null when none waits. */
    @Transactional
    public List<UUID> claim(int limit) {
        List<UUID> ids = jdbc.sql("""
                select id from decision where state = 'REQUESTED' order by created_at, id limit ? for update skip locked
                """)
                .param(limit).query(UUID.class).list();
        if (ids.isEmpty()) {
            return null;
        }
        jdbc.sql("update decision set state = 'SENDING', attempts = attempts + 1, updated_at = :now where id in (:ids)")
                .param("now", Sql.ts(clock.instant()))
                .param("ids", ids)
                .update();
        return ids;
    }

    void finish(UUID id, DecisionState state, String error, String channelReference) {
        jdbc.sql("""
                update decision set state = ?, last_error = ?, channel_reference = coalesce(?, channel_reference),
                  updated_at = ?, version = version + 1 where id = ?
                """)
                .params(state.name(), error, channelReference, Sql.ts(clock.instant()), id)
                .update();
    }

    private Decision row(ResultSet rs, int n) throws SQLException {
        return new Decision(rs.getObject("id", UUID.class), rs.getObject("incident_id", UUID.class),
                rs.getString("account_id"), rs.getString("channel_type"),
                json.readValue(rs.getString("payload"), DecisionCommand.class),
                DecisionState.valueOf(rs.getString("state")), rs.getString("idempotency_key"),
                rs.getString("requested_by"), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getString("channel_reference"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }
}
