package com.disputehub.sync;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.database.Sql;

/** The sync_state table: one row per account with its cursor, so that a restart resumes where sync stopped. */
@Component
public class SyncStates {

    private final JdbcClient jdbc;
    private final Clock clock;

    SyncStates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
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

    void succeeded(String accountId, int stored, int quarantined) {
        Instant now = clock.instant();
        jdbc.sql("""
                update sync_state set last_poll_finished = ?, last_success = ?, last_error = null,
                  records_stored = records_stored + ?, records_quarantined = records_quarantined + ? where account_id = ?
                """)
                .params(Sql.ts(now), Sql.ts(now), stored, quarantined, accountId)
                .update();
    }

    void failed(String accountId, String error) {
        Instant now = clock.instant();
        jdbc.sql("update sync_state set last_poll_finished = ?, last_error = ?, last_error_at = ? where account_id = ?")
                .params(Sql.ts(now), error, Sql.ts(now), accountId)
                .update();
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
