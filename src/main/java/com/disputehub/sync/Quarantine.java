package com.disputehub.sync;

import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.RawRecord;
import com.disputehub.database.Sql;

/** Keeps bad records aside (raw bytes, account, stage, error, time) so that sync goes on without them. */
@Component
public class Quarantine {

    private static final int MAX_ERROR = 2000;

    private final JdbcClient jdbc;
    private final Clock clock;

    Quarantine(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void put(ChannelAccount account, RawRecord record, String stage, String error) {
        String text = error == null ? "(no message)" : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        jdbc.sql("""
                insert into quarantine (account_id, channel_type, record_ref, content_type, raw, stage, error, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(account.id(), account.channelType(), record.ref(), record.contentType(), record.body(), stage,
                        text, Sql.ts(clock.instant()))
                .update();
    }

    /** The newest quarantined records, of one account or of all when {@code accountId} is null. */
    public List<QuarantinedRecord> recent(String accountId, int limit) {
        return jdbc.sql("""
                select * from quarantine where (cast(? as text) is null or account_id = ?) order by id desc limit ?
                """)
                .params(accountId, accountId, limit)
                .query((rs, n) -> new QuarantinedRecord(rs.getLong("id"), rs.getString("account_id"),
                        rs.getString("channel_type"), rs.getString("record_ref"), rs.getString("content_type"),
                        rs.getBytes("raw"), rs.getString("stage"), rs.getString("error"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }
}
