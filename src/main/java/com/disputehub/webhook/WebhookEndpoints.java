package com.disputehub.webhook;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.disputehub.database.Sql;

/** The webhook_endpoint table; secrets are read only to sign, never shown again after creation or rotation. */
@Repository
class WebhookEndpoints {

    private final JdbcClient jdbc;
    private final Clock clock;

    WebhookEndpoints(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void insert(WebhookEndpoint e, String secret, long cursor) {
        jdbc.sql("""
                insert into webhook_endpoint (id, url, description, event_types, accounts, enabled, timeout_ms, secret,
                  cursor, created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(e.id(), e.url(), e.description(), Sql.textArray(e.eventTypes()), Sql.textArray(e.accounts()),
                        e.enabled(), e.timeoutSeconds() * 1000, secret, cursor, e.createdBy(), Sql.ts(e.createdAt()),
                        Sql.ts(e.updatedAt()))
                .update();
    }

    List<WebhookEndpoint> all() {
        return jdbc.sql("select * from webhook_endpoint order by created_at, id").query(this::row).list();
    }

    Optional<WebhookEndpoint> find(UUID id) {
        return jdbc.sql("select * from webhook_endpoint where id = ?").param(id).query(this::row).optional();
    }

    void update(WebhookEndpoint e) {
        jdbc.sql("""
                update webhook_endpoint set url = ?, description = ?, event_types = ?, accounts = ?, enabled = ?,
                  timeout_ms = ?, disabled_reason = case when ? then null else disabled_reason end,
                  disabled_at = case when ? then null else disabled_at end,
                  failing_since = case when ? then null else failing_since end, updated_at = ?
                where id = ?
                """)
                .params(e.url(), e.description(), Sql.textArray(e.eventTypes()), Sql.textArray(e.accounts()), e.enabled(),
                        e.timeoutSeconds() * 1000, e.enabled(), e.enabled(), e.enabled(), Sql.ts(clock.instant()), e.id())
                .update();
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from webhook_endpoint where id = ?").param(id).update() == 1;
    }

    /** A new secret; the current one stays valid until {@code previousUntil}, so receivers can switch over. */
    void rotate(UUID id, String secret, Instant previousUntil) {
        jdbc.sql("""
                update webhook_endpoint set previous_secret = secret, previous_secret_until = ?, secret = ?, updated_at = ?
                where id = ?
                """).params(Sql.ts(previousUntil), secret, Sql.ts(clock.instant()), id).update();
    }

    /** The secrets to sign with now: the current one, and the previous one while it is still valid. */
    List<String> signingSecrets(UUID id) {
        return jdbc.sql("select secret, previous_secret, previous_secret_until from webhook_endpoint where id = ?").param(id)
                .query(rs -> {
                    List<String> secrets = new ArrayList<>();
                    if (rs.next()) {
                        secrets.add(rs.getString("secret"));
                        Timestamp until = rs.getTimestamp("previous_secret_until");
                        if (rs.getString("previous_secret") != null && until != null && until.toInstant().isAfter(clock.instant())) {
                            secrets.add(rs.getString("previous_secret"));
                        }
                    }
                    return secrets;
                });
    }

    /** Off, with the reason; answers false when it was already off (so that it is told once). */
    boolean disable(UUID id, String reason) {
        return jdbc.sql("""
                update webhook_endpoint set enabled = false, disabled_reason = ?, disabled_at = ?, updated_at = ?
                where id = ? and enabled
                """).params(reason, Sql.ts(clock.instant()), Sql.ts(clock.instant()), id).update() == 1;
    }

    /** Marks the start of a run of failures (kept while it lasts) or its end; answers when the run started. */
    Instant failing(UUID id, boolean failed) {
        return jdbc.sql("""
                update webhook_endpoint set failing_since = case when ? then coalesce(failing_since, ?) end
                where id = ? returning failing_since
                """).params(failed, Sql.ts(clock.instant()), id)
                .query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant()).optional().orElse(null);
    }

    private WebhookEndpoint row(ResultSet rs, int n) throws SQLException {
        return new WebhookEndpoint(rs.getObject("id", UUID.class), rs.getString("url"), rs.getString("description"),
                list(rs.getArray("event_types")), list(rs.getArray("accounts")), rs.getBoolean("enabled"),
                rs.getInt("timeout_ms") / 1000, rs.getString("disabled_reason"), instant(rs, "disabled_at"),
                instant(rs, "failing_since"), validUntil(rs), rs.getString("created_by"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private Instant validUntil(ResultSet rs) throws SQLException {
        Instant until = instant(rs, "previous_secret_until");
        return until != null && until.isAfter(clock.instant()) ? until : null;
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
