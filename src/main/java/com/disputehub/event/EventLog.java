package com.disputehub.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.disputehub.database.CommitOrder;
import com.disputehub.database.CsvCopy;
import com.disputehub.database.Sql;

import tools.jackson.databind.ObjectMapper;

/**
 * The event stream's table: events are appended in the transaction of the change they describe (never on their
 * own, so that an event exists exactly when its change does) and read in commit order.
 */
@Component
public class EventLog {

    /** The advisory lock that makes one event sequencer run at a time, across instances. */
    private static final long SEQUENCER_LOCK = 0x4448_4556_4e54L;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final ObjectMapper json;
    private final Clock clock;
    private final TransactionTemplate tx;

    EventLog(JdbcClient jdbc, JdbcTemplate batch, ObjectMapper json, Clock clock, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
        this.clock = clock;
        this.tx = tx;
    }

    private static final String INSERT = """
            insert into event (id, type, incident_id, channel_type, account_id, data, at)
            values (?, ?, ?, ?, ?, cast(? as json), ?)
            """;

    /** Appends an event to the transaction under way; {@code data} is written as JSON. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID append(EventType type, EventSubject subject, Object data) {
        UUID id = UUID.randomUUID();
        jdbc.sql(INSERT).params(row(id, new Pending(type, subject, data), Sql.ts(clock.instant()))).update();
        return id;
    }

    /** Appends many events to the transaction under way in one batch, in their order (a page of a sync). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendAll(List<Pending> events) {
        CsvCopy.copy(batch, encode(events));
    }

    /**
     * {@link #appendAll} in two steps: the events encoded now, for {@link CsvCopy#copy(JdbcTemplate, CsvCopy.Encoded)}
     * in the transaction they belong to.
     */
    public CsvCopy.Encoded encode(List<Pending> events) {
        OffsetDateTime at = Sql.ts(clock.instant());
        return CsvCopy.encode("event", List.of("id", "type", "incident_id", "channel_type", "account_id", "data", "at"), events,
                (e, row) -> {
                    for (Object value : row(UUID.randomUUID(), e, at)) {
                        row.add(value);
                    }
                });
    }

    private Object[] row(UUID id, Pending e, OffsetDateTime at) {
        return new Object[] {id, e.type().wire(), e.subject().incidentId(), e.subject().channel(), e.subject().account(),
                json.writeValueAsString(e.data()), at};
    }

    /** Appends an event meant for one webhook endpoint only (a test event); it stays out of the stream. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID appendFor(UUID endpointId, EventType type, Object data) {
        UUID id = append(type, EventSubject.none(), data);
        jdbc.sql("update event set target_endpoint = ? where id = ?").params(endpointId, id).update();
        return id;
    }

    /** Numbers the events committed since the last call; readers call it before reading. */
    public void sequence() {
        CommitOrder.number(jdbc, tx, "event", "internal_id", SEQUENCER_LOCK);
    }

    /**
     * Up to {@code limit} numbered events after {@code sequence}, oldest first, of the given types (patterns as
     * {@link EventType#matches}; all when empty) and account (all when null).
     */
    public List<Event> after(long sequence, Collection<String> typePatterns, String account, int limit) {
        sequence();
        List<String> types = EventType.wireNames(typePatterns);
        return jdbc.sql("""
                select * from event where seq > :after and target_endpoint is null
                  and (:allTypes or type = any(:types)) and (cast(:account as text) is null or account_id = :account)
                order by seq limit :limit
                """)
                .param("after", sequence)
                .param("allTypes", typePatterns.isEmpty())
                .param("types", Sql.textArray(types))
                .param("account", account)
                .param("limit", limit)
                .query(this::row).list();
    }

    /** Events by sequence number, for deliveries that refer to them. */
    public List<Event> bySequence(Collection<Long> sequences) {
        if (sequences.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from event where seq in (:seqs) order by seq").param("seqs", sequences)
                .query(this::row).list();
    }

    /** The highest sequence number retention has removed; 0 when none. */
    public long purgedThrough() {
        return jdbc.sql("select purged_through from event_retention").query(Long.class).single();
    }

    /** The newest numbered event's sequence; 0 when there is none. */
    public long last() {
        sequence();
        return jdbc.sql("select coalesce(max(seq), 0) from event").query(Long.class).single();
    }

    Event row(ResultSet rs, int n) throws SQLException {
        return new Event(rs.getObject("id", UUID.class), rs.getLong("seq"), rs.getString("type"),
                rs.getTimestamp("at").toInstant(), rs.getString("channel_type"), rs.getString("account_id"),
                rs.getObject("incident_id", UUID.class), json.readTree(rs.getString("data")));
    }

    /** An event to append: its type, what it is about, its data (written as JSON). */
    public record Pending(EventType type, EventSubject subject, Object data) {
    }
}
