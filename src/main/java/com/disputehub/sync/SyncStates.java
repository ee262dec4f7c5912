package com.disputehub.sync;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.database.Sql;
import com.disputehub.event.EventLog;
import com.disputehub.event.EventSubject;
import com.disputehub.event.EventType;

/** The sync_state table: one row per account with its cursor, so that a restart resumes where sync stopped. */
@Component
public class SyncStates {

    private final JdbcClient jdbc;
    private final EventLog events;
    private final Clock clock;

    SyncStates(JdbcClient jdbc, EventLog events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    void started(ChannelAccount account) {
        jdbc.sql("""
                insert into sync_state (account_id, channel_type, polls, last_poll_started) values (?, ?, 1, ?)
                on conflict (account_id) do update set polls = sync_state.polls + 1, last_poll_started = excluded.last_poll_started,
                  channel_type = excluded.channel_type
                """)
                .params(account.id(), account.channelType(), Sql.ts(clock.instant()))
                .update();
    }

    String cursor(String accountId) {
        return jdbc.sql("select cursor from sync_state where account_id = ?").param(accountId)
                .query(String.class).optional().orElse(null);
    }

    void saveCursor(String accountId, String cursor, int stored, int quarantined) {
        jdbc.sql("""
                update sync_state set cursor = ?, records_stored = records_stored + ?,
                  records_quarantined = records_quarantined + ? where account_id = ?
                """)
                .params(cursor, stored, quarantined, accountId)
                .update();
    }

    /** A poll ended well; after a failed one, account.sync_recovered tells the ERPs (DOMAIN X7). */
    @Transactional
    void succeeded(String accountId, int stored, int quarantined) {
        Instant now = clock.instant();
        String error = lastErrorLocked(accountId);
        jdbc.sql("""
                update sync_state set last_poll_finished = ?, last_success = ?, last_error = null,
                  records_stored = records_stored + ?, records_quarantined = records_quarantined + ? where account_id = ?
                """)
                .params(Sql.ts(now), Sql.ts(now), stored, quarantined, accountId)
                .update();
        if (error != null) {
            events.append(EventType.ACCOUNT_SYNC_RECOVERED, subject(accountId), Map.of("account", accountId,
                    "previousError", error, "recoveredAt", now));
        }
    }

    /** A poll failed; the first failure after a success is told as account.sync_failed, not every retry. */
    @Transactional
    void failed(String accountId, String error) {
        Instant now = clock.instant();
        boolean wasFine = lastErrorLocked(accountId) == null;
        jdbc.sql("update sync_state set last_poll_finished = ?, last_error = ?, last_error_at = ? where account_id = ?")
                .params(Sql.ts(now), error, Sql.ts(now), accountId)
                .update();
        if (wasFine) {
            events.append(EventType.ACCOUNT_SYNC_FAILED, subject(accountId), Map.of("account", accountId,
                    "error", error, "failedAt", now));
        }
    }

    private String lastErrorLocked(String accountId) {
        return jdbc.sql("select last_error from sync_state where account_id = ? for update").param(accountId)
                .query(String.class).optional().orElse(null);
    }

    private EventSubject subject(String accountId) {
        return EventSubject.account(jdbc.sql("select channel_type from sync_state where account_id = ?").param(accountId)
                .query(String.class).optional().orElse(null), accountId);
    }

    public List<SyncStatus> all() {
        return jdbc.sql("select * from sync_state order by account_id").query(SyncStates::row).list();
    }

    public Optional<SyncStatus> find(String accountId) {
        return jdbc.sql("select * from sync_state where account_id = ?").param(accountId).query(SyncStates::row).optional();
    }

    private static SyncStatus row(ResultSet rs, int n) throws SQLException {
        return new SyncStatus(rs.getString("account_id"), rs.getString("channel_type"), rs.getString("cursor"),
                rs.getLong("polls"), rs.getLong("records_stored"), rs.getLong("records_quarantined"),
                instant(rs.getTimestamp("last_poll_started")), instant(rs.getTimestamp("last_poll_finished")),
                instant(rs.getTimestamp("last_success")), rs.getString("last_error"),
                instant(rs.getTimestamp("last_error_at")));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
