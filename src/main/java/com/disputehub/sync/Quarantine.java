package com.disputehub.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.RawRecord;
import com.disputehub.database.Sql;
import com.disputehub.event.EventLog;
import com.disputehub.event.EventSubject;
import com.disputehub.event.EventType;

/** Keeps bad records aside (raw bytes, account, stage, error, time) so that sync goes on without them. */
@Component
public class Quarantine {

    private static final int MAX_ERROR = 2000;

    private final JdbcClient jdbc;
    private final EventLog events;
    private final Clock clock;

    Quarantine(JdbcClient jdbc, EventLog events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Keeps the record and tells the ERPs (record.quarantined, DOMAIN X7) in one transaction. */
    @Transactional
    void put(ChannelAccount account, RawRecord record, String stage, String error) {
        String text = error == null ? "(no message)" : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        Instant now = clock.instant();
        long id = jdbc.sql("""
                insert into quarantine (account_id, channel_type, record_ref, content_type, raw, stage, error, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id
                """)
                .params(account.id(), account.channelType(), record.ref(), record.contentType(), record.body(), stage,
                        text, Sql.ts(now))
                .query(Long.class).single();
        Map<String, Object> quarantined = new LinkedHashMap<>();
        quarantined.put("id", id);
        quarantined.put("account", account.id());
        quarantined.put("channel", account.channelType());
        quarantined.put("recordRef", record.ref());
        quarantined.put("stage", stage);
        quarantined.put("error", text);
        quarantined.put("at", now);
        quarantined.put("links", Map.of("list", "/api/quarantine?account=" + account.id()));
        events.append(EventType.RECORD_QUARANTINED, EventSubject.account(account.channelType(), account.id()),
                Map.of("record", quarantined));
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
