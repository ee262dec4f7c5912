package com.disputehub.decision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.disputehub.channel.command.DecisionCommand;
import com.disputehub.channel.command.EvidenceFile;
import com.disputehub.database.Sql;

import tools.jackson.databind.ObjectMapper;

/** The decision table, which is also the outbox: claimed with FOR UPDATE SKIP LOCKED so that instances never share a row. */
@Repository
public class Decisions {

    private static final Logger log = LoggerFactory.getLogger(Decisions.class);

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    Decisions(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Inserts the decision unless its idempotency key is taken; the database decides between racing requests
     * (a racer waits for the winner's commit, then finds its row). False when the key was taken.
     */
    boolean insertUnlessKeyTaken(Decision d, String requestHash) {
        return jdbc.sql("""
                insert into decision (id, incident_id, account_id, channel_type, type, payload, state, idempotency_key,
                  key_scope, request_hash, requested_by, on_behalf_of, attempts, created_at, updated_at)
                values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, 0, ?, ?)
                on conflict (idempotency_key) do nothing
                """)
                .params(d.id(), d.incidentId(), d.accountId(), d.channelType(), d.command().type().name(),
                        json.writerFor(DecisionCommand.class).writeValueAsString(withoutFileContents(d.command())), d.state().name(),
                        d.idempotencyKey().stored(), d.idempotencyKey().scope(), requestHash, d.requestedBy(), d.onBehalfOf(),
                        Sql.ts(d.createdAt()), Sql.ts(d.updatedAt()))
                .update() == 1;
    }

    /** The decision made with this key, and the hash of the request that made it (null for rows older than it). */
    Optional<Keyed> findByKey(IdempotencyKey key) {
        return jdbc.sql("select * from decision where idempotency_key = ?").param(key.stored())
                .query((rs, n) -> new Keyed(row(rs, n), rs.getString("request_hash"))).optional();
    }

    /** A decision found by its key, with the hash of the request that made it. */
    record Keyed(Decision decision, String requestHash) {
    }

    /** The outbox keeps file names only; the bytes live in evidence_file. */
    private static DecisionCommand withoutFileContents(DecisionCommand command) {
        return command.attachments().isEmpty() ? command
                : command.withAttachments(command.attachments().stream().map(f -> new EvidenceFile(f.fileName(), null)).toList());
    }

    public Optional<Decision> find(UUID id) {
        return jdbc.sql("select * from decision where id = ?").param(id).query(this::row).optional();
    }

    public List<Decision> ofIncident(UUID incidentId) {
        return jdbc.sql("select * from decision where incident_id = ? order by created_at, id").param(incidentId)
                .query(this::row).list();
    }

    /** The most recently changed decisions in a state, or, {@code oldestFirst}, those waiting longest. */
    public List<Decision> inState(DecisionState state, int limit, boolean oldestFirst) {
        return jdbc.sql("select * from decision where state = ? order by " + (oldestFirst ? "created_at, id" : "updated_at desc")
                + " limit ?").params(state.name(), limit).query(this::row).list();
    }

    /** A decision waiting for approval to the outbox (due now) or to NOT_APPROVED; false when it no longer waits. */
    boolean leaveApproval(UUID id, DecisionState to) {
        return jdbc.sql("""
                update decision set state = ?, next_attempt_at = null, updated_at = ?, version = version + 1
                where id = ? and state = 'APPROVAL_PENDING'
                """)
                .params(to.name(), Sql.ts(clock.instant()), id)
                .update() == 1;
    }

    /**
     * Moves up to {@code limit} requested decisions that are due, of accounts not paused, to SENDING for this
     * instance, and answers their ids, oldest first; empty when none waits.
     */
    public List<UUID> claim(int limit, String instance, List<String> pausedAccounts) {
        Instant now = clock.instant();
        return jdbc.sql("""
                with due as materialized (
                  select id from decision
                  where state = 'REQUESTED' and (next_attempt_at is null or next_attempt_at <= :now)
                    and not (account_id = any(:paused))
                  order by created_at, id limit :limit for update skip locked)
                update decision d set state = 'SENDING', claimed_by = :instance, claimed_at = :now, updated_at = :now
                from due where d.id = due.id
                returning d.id, d.created_at
                """)
                .param("instance", instance)
                .param("now", Sql.ts(now))
                .param("paused", Sql.textArray(pausedAccounts))
                .param("limit", limit)
                .query((rs, n) -> Map.entry(rs.getTimestamp("created_at").toInstant(), rs.getObject("id", UUID.class)))
                .list().stream()
                .sorted(Map.Entry.<Instant, UUID>comparingByKey().thenComparing(Map.Entry.comparingByValue()))
                .map(Map.Entry::getValue).toList();
    }

    /**
     * These decisions by id, read in one query; a row that cannot be read as a decision (a payload no version
     * understands) is left out, for the caller to tell.
     */
    Map<UUID, Decision> readable(Collection<UUID> ids) {
        Map<UUID, Decision> found = new HashMap<>();
        jdbc.sql("select * from decision where id in (:ids)").param("ids", ids).query(rs -> {
            try {
                Decision d = row(rs, 0);
                found.put(d.id(), d);
            } catch (RuntimeException e) {
                log.warn("decision {} cannot be read: {}", rs.getObject("id", UUID.class), e.getMessage());
            }
        });
        return found;
    }

    /** Records outcomes and the HTTP attempts they took, in one statement; claimed_by keeps which instance sent each. */
    void finishAll(List<Finish> outcomes) {
        jdbc.sql("""
                update decision d set state = v.state, last_error = v.error,
                  channel_reference = coalesce(v.reference, d.channel_reference), attempts = d.attempts + v.attempts,
                  updated_at = :at, version = d.version + 1
                from unnest(:ids, :states, :errors, :references, :attempts) as v(id, state, error, reference, attempts)
                where d.id = v.id
                """)
                .param("ids", Sql.uuidArray(outcomes.stream().map(Finish::id).toList()))
                .param("states", Sql.textArray(outcomes.stream().map(f -> f.state().name()).toList()))
                .param("errors", Sql.textArray(outcomes.stream().map(Finish::error).toList()))
                .param("references", Sql.textArray(outcomes.stream().map(Finish::channelReference).toList()))
                .param("attempts", Sql.intArray(outcomes.stream().map(Finish::attempts).toList()))
                .param("at", Sql.ts(clock.instant()))
                .update();
    }

    /** Where one decision ended. */
    record Finish(UUID id, DecisionState state, String error, String channelReference, int attempts) {
    }

    /** Records an outcome and the HTTP attempts it took; claimed_by keeps which instance sent it. */
    void finish(UUID id, DecisionState state, String error, String channelReference, int attempts) {
        finishAll(List.of(new Finish(id, state, error, channelReference, attempts)));
    }

    /** Puts a decision back in the outbox, due at {@code at}: the channel asked to wait, or is paused. */
    void reschedule(UUID id, Instant at, String reason, int attempts) {
        jdbc.sql("""
                update decision set state = 'REQUESTED', next_attempt_at = ?, last_error = ?, attempts = attempts + ?,
                  claimed_by = null, updated_at = ?, version = version + 1 where id = ?
                """)
                .params(Sql.ts(at), reason, attempts, Sql.ts(clock.instant()), id)
                .update();
    }

    /**
     * Takes over SENDING decisions whose dispatcher stopped beating before {@code deadline} (or released
     * them), and those claimed before {@code overBudget} whatever their dispatcher: they may or may not have
     * reached the channel, and must be reconciled, never simply resent. Taking one over restarts its budget.
     * This instance's own claims within their budget are never taken: it is running, so they are in flight here,
     * whatever its heartbeat says (a second dispatch of one would send it twice).
     */
    @Transactional
    List<Decision> takeOverOrphans(String instance, Instant deadline, Instant overBudget, int limit) {
        List<UUID> ids = jdbc.sql("""
                select d.id from decision d left join dispatcher_instance i on i.id = d.claimed_by
                where d.state = 'SENDING'
                  and (d.claimed_by is null or i.id is null or i.heartbeat_at < :deadline or d.claimed_at < :overBudget)
                  and not (d.claimed_by is not distinct from :self and d.claimed_at >= :overBudget)
                order by d.claimed_at limit :limit for update of d skip locked
                """)
                .param("deadline", Sql.ts(deadline)).param("overBudget", Sql.ts(overBudget)).param("self", instance)
                .param("limit", limit).query(UUID.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        jdbc.sql("update decision set claimed_by = :instance, claimed_at = :now where id in (:ids)")
                .param("instance", instance).param("now", Sql.ts(clock.instant())).param("ids", ids).update();
        return jdbc.sql("select * from decision where id in (:ids)").param("ids", ids).query(this::row).list();
    }

    /**
     * Back to the outbox, due now, those of these decisions still SENDING under this instance's claim: never pushed,
     * so nothing can have reached the channel. One the reconciler took over meanwhile is left to it.
     */
    void unclaim(Collection<UUID> ids, String instance) {
        jdbc.sql("""
                update decision set state = 'REQUESTED', claimed_by = null, claimed_at = null, updated_at = :now
                where id in (:ids) and state = 'SENDING' and claimed_by = :instance
                """)
                .param("now", Sql.ts(clock.instant())).param("ids", ids).param("instance", instance)
                .update();
    }

    /** Lets go of a SENDING decision that could not be reconciled now, so that a later pass tries again. */
    void release(UUID id) {
        jdbc.sql("update decision set claimed_by = null where id = ? and state = 'SENDING'").param(id).update();
    }

    /** A FAILED (or UNKNOWN) decision back to the outbox, due now; false when it is in another state. */
    boolean requeue(UUID id, DecisionState from) {
        return jdbc.sql("""
                update decision set state = 'REQUESTED', next_attempt_at = null, updated_at = ?, version = version + 1
                where id = ? and state = ?
                """)
                .params(Sql.ts(clock.instant()), id, from.name())
                .update() == 1;
    }

    private Decision row(ResultSet rs, int n) throws SQLException {
        return new Decision(rs.getObject("id", UUID.class), rs.getObject("incident_id", UUID.class),
                rs.getString("account_id"), rs.getString("channel_type"),
                json.readValue(rs.getString("payload"), DecisionCommand.class),
                DecisionState.valueOf(rs.getString("state")), key(rs),
                rs.getString("requested_by"), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getString("channel_reference"), instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "next_attempt_at"), instant(rs, "claimed_at"), rs.getString("on_behalf_of"));
    }

    private static IdempotencyKey key(ResultSet rs) throws SQLException {
        String scope = rs.getString("key_scope");
        return new IdempotencyKey(scope, rs.getString("idempotency_key").substring(scope.length() + 1));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
