package com.disputehub.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.disputehub.database.Hashes;
import com.disputehub.database.Sql;

/**
 * API keys for ERPs (DOMAIN X6): a named key with scopes, shown once ({@code dh_...}) and stored as its SHA-256
 * hash (a key is 32 random bytes, so a fast hash is enough), with its last use, an optional expiry, revocation.
 */
@Repository
public class ApiKeys {

    public static final String PREFIX = "dh_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    ApiKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A key as stored: never its secret. */
    public record ApiKey(UUID id, String name, Set<Scope> scopes, Instant expiresAt) {
    }

    /** A key as the admin API lists it: never its secret or hash. */
    public record Listed(UUID id, String name, List<String> scopes, String createdBy, Instant createdAt, Instant lastUsedAt,
                         Instant expiresAt, Instant revokedAt) {
    }

    public List<Listed> list() {
        return jdbc.sql("select * from api_key order by created_at, id").query((rs, n) -> new Listed(rs.getObject("id", UUID.class),
                rs.getString("name"), List.of((String[]) rs.getArray("scopes").getArray()), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), instant(rs, "last_used_at"), instant(rs, "expires_at"),
                instant(rs, "revoked_at"))).list();
    }

    /** Revokes a key for good; false when there is no live key with this id. */
    public boolean revoke(UUID id) {
        return jdbc.sql("update api_key set revoked_at = ? where id = ? and revoked_at is null")
                .params(Sql.ts(clock.instant()), id).update() == 1;
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        var ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    /** A new key; the answer is the only time its secret is seen. */
    public String create(String name, Set<Scope> scopes, Instant expiresAt, String createdBy) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        register(secret, name, scopes, expiresAt, createdBy);
        return secret;
    }

    /** Registers a secret chosen outside (the bootstrap key); the same secret twice changes nothing. */
    public void register(String secret, String name, Set<Scope> scopes, Instant expiresAt, String createdBy) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() < PREFIX.length() + 24) {
            throw new IllegalArgumentException("an API key starts with '" + PREFIX + "' and has at least 24 more characters");
        }
        jdbc.sql("""
                insert into api_key (id, name, secret_hash, scopes, created_by, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (secret_hash) do nothing
                """)
                .params(UUID.randomUUID(), name, hash(secret), Sql.textArray(scopes.stream().map(Scope::value).toList()), createdBy,
                        Sql.ts(clock.instant()), Sql.ts(expiresAt))
                .update();
    }

    /** The live key with this secret, its use recorded; empty for an unknown, revoked or expired one. */
    public Optional<ApiKey> authenticate(String secret) {
        Instant now = clock.instant();
        return jdbc.sql("""
                update api_key set last_used_at = ? where secret_hash = ? and revoked_at is null
                  and (expires_at is null or expires_at > ?)
                returning id, name, scopes, expires_at
                """)
                .params(Sql.ts(now), hash(secret), Sql.ts(now))
                .query((rs, n) -> {
                    List<Scope> scopes = new ArrayList<>();
                    for (String s : (String[]) rs.getArray("scopes").getArray()) {
                        Scope.parse(s).ifPresent(scopes::add);
                    }
                    var expires = rs.getTimestamp("expires_at");
                    return new ApiKey(rs.getObject("id", UUID.class), rs.getString("name"), Set.copyOf(scopes),
                            expires == null ? null : expires.toInstant());
                })
                .optional();
    }

    static String hash(String secret) {
        return Hashes.sha256Hex(secret);
    }
}
