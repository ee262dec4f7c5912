package com.disputehub.channel.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.HttpClientErrorException;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ChannelUnavailableException;
import com.disputehub.database.Hashes;

/**
 * The OAuth tokens of accounts whose channel hands out refresh tokens (credentials {@code refresh-token}, with an
 * optional first {@code access-token}). The configured refresh token seeds the account's row; from then on the
 * stored, encrypted tokens are used and refreshed before they expire.
 *
 * <p>One refresh at a time across instances: the refreshing instance holds the account's row lock, and an
 * instance that waited on it finds the fresh token and uses it. A refresh token answered by the channel is
 * written in the same transaction, before anything else uses it: channels whose refresh tokens are single use
 * (Mercado Libre, Allegro) have already killed the old one. A refused refresh token pauses the account (see
 * {@link #pausedAccounts()}) until a new one is configured; nothing retries it in a loop.
 */
@Component
public class AccountTokens {

    /** The longest refresh token taken (eBay's are about 2,000 characters). */
    public static final int MAX_REFRESH_TOKEN = 4096;

    /** An access token closer than this to its expiry is refreshed first. */
    static final Duration MARGIN = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(AccountTokens.class);

    private final JdbcClient db;
    private final TransactionTemplate tx;
    private final TokenCipher cipher;
    private final Clock clock;

    AccountTokens(JdbcClient db, TransactionTemplate tx, TokenCipher cipher, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.cipher = cipher;
        this.clock = clock;
    }

    private record Row(byte[] accessToken, OffsetDateTime accessExpiresAt, byte[] refreshToken, String configuredHash,
                       OffsetDateTime revokedAt, String revokedReason) {
    }

    /** Whether the account's credentials hold a refresh token, so that its tokens are kept here. */
    public static boolean refreshes(ChannelAccount account) {
        return account.option("refresh-token").isPresent();
    }

    /**
     * A valid access token for the account, refreshed first when it expires within {@link #MARGIN}. Throws
     * {@link AccountPausedException} when the account's authorization was refused.
     */
    public String accessToken(ChannelAccount account, TokenRefresher refresher) {
        Row row = seeded(account);
        if (row.revokedAt() != null) {
            throw paused(account, row);
        }
        if (fresh(row)) {
            return cipher.decrypt(account.id(), row.accessToken());
        }
        return refreshLocked(account, refresher);
    }

    /**
     * The access token to send: the stored one, refreshed as needed, when the account has a refresh token; else its
     * fixed {@code credentials.access-token}.
     */
    public String token(ChannelAccount account, TokenRefresher refresher) {
        return refreshes(account) ? accessToken(account, refresher) : account.credential("access-token");
    }

    /**
     * Runs a call with the account's token. A 401 on an account with a refresh token forgets the access token and
     * reads as transient, so that the retry refreshes it; without one, the 401 stays what it is.
     */
    public <T> T forgetOn401(ChannelAccount account, String channel, Supplier<T> call) {
        try {
            return call.get();
        } catch (HttpClientErrorException.Unauthorized e) {
            if (!refreshes(account)) {
                throw e;
            }
            expire(account);
            throw new ChannelUnavailableException(channel
                    + " refused the access token (401); it is refreshed for the next attempt", null, e);
        }
    }

    /**
     * The channel refused the access token (a 401 before it expired, or revoked by the seller): the next
     * {@link #accessToken} refreshes it.
     */
    public void expire(ChannelAccount account) {
        db.sql("update channel_token set access_expires_at = :now where account_id = :id and access_expires_at is distinct from :now")
                .param("now", now()).param("id", account.id()).update();
    }

    /**
     * The seller authorized again: {@code refreshToken} replaces the stored one (encrypted), the access token is
     * refreshed before the next call, and a paused account resumes. Throws IllegalStateException for an account
     * without a refresh token (it takes a fixed access token from its configuration), IllegalArgumentException for
     * a token that cannot be one.
     */
    public void reconnect(ChannelAccount account, String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new IllegalArgumentException("'refreshToken' is required");
        }
        if (refreshToken.length() > MAX_REFRESH_TOKEN || refreshToken.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("'refreshToken' must be one word of at most " + MAX_REFRESH_TOKEN + " characters");
        }
        if (!refreshes(account)) {
            throw new IllegalStateException("account '" + account.id() + "' takes a fixed access token; give it "
                    + "credentials.refresh-token in its configuration to use refresh tokens");
        }
        seeded(account);
        db.sql("""
                update channel_token set refresh_token = :refresh, refresh_expires_at = null, access_token = null,
                    access_expires_at = :now, revoked_at = null, revoked_reason = null
                where account_id = :id""")
                .param("refresh", cipher.encrypt(account.id(), refreshToken)).param("now", now()).param("id", account.id()).update();
        log.info("account {}: a new refresh token was given; the account is active", account.id());
    }

    /** The accounts paused because their channel refused the refresh token, with why. */
    public List<PausedAccount> pausedAccounts() {
        return db.sql("select account_id, revoked_at, revoked_reason from channel_token where revoked_at is not null order by account_id")
                .query((rs, n) -> new PausedAccount(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3)))
                .list();
    }

    /** Whether the account waits for a person to authorize it again (false for accounts without refresh tokens). */
    public boolean paused(ChannelAccount account) {
        return refreshes(account) && db.sql("select count(*) from channel_token where account_id = ? and revoked_at is not null")
                .param(account.id()).query(Long.class).single() > 0;
    }

    /** An account that waits for a person to authorize it again. */
    public record PausedAccount(String accountId, Instant since, String reason) {
    }

    private Row seeded(ChannelAccount account) {
        String configured = account.credential("refresh-token");
        String hash = Hashes.sha256Hex(account.id() + "\n" + configured);
        Optional<Row> stored = read(account.id(), false);
        if (stored.isPresent() && stored.get().configuredHash().equals(hash)) {
            return stored.get();
        }
        // first use, or a new refresh token configured (the seller authorized again): it replaces what was stored
        byte[] access = account.option("access-token").map(t -> cipher.encrypt(account.id(), t)).orElse(null);
        db.sql("""
                insert into channel_token (account_id, access_token, access_expires_at, refresh_token, configured_hash)
                values (:id, :access, :expires, :refresh, :hash)
                on conflict (account_id) do update set access_token = excluded.access_token,
                    access_expires_at = excluded.access_expires_at, refresh_token = excluded.refresh_token,
                    refresh_expires_at = null, configured_hash = excluded.configured_hash, revoked_at = null, revoked_reason = null
                where channel_token.configured_hash <> excluded.configured_hash
                """)
                .param("id", account.id()).param("access", access)
                // a configured access token's lifetime is unknown: used until the channel refuses it
                .param("expires", access == null ? now() : null)
                .param("refresh", cipher.encrypt(account.id(), configured)).param("hash", hash).update();
        if (stored.isPresent()) {
            log.info("account {}: a new refresh token is configured; it replaces the stored one", account.id());
        }
        return read(account.id(), false).orElseThrow();
    }

    private String refreshLocked(ChannelAccount account, TokenRefresher refresher) {
        TokenRevokedException[] revoked = new TokenRevokedException[1];
        String token = tx.execute(status -> {
            Row row = read(account.id(), true).orElseThrow();
            if (row.revokedAt() != null) {
                throw paused(account, row);
            }
            if (fresh(row)) {
                return cipher.decrypt(account.id(), row.accessToken()); // another instance refreshed while we waited
            }
            TokenGrant grant;
            try {
                grant = refresher.refresh(account, cipher.decrypt(account.id(), row.refreshToken()));
            } catch (TokenRevokedException e) {
                db.sql("update channel_token set revoked_at = :now, revoked_reason = :why where account_id = :id")
                        .param("now", now()).param("why", e.getMessage()).param("id", account.id()).update();
                revoked[0] = e;
                return null;
            }
            db.sql("""
                    update channel_token set access_token = :access, access_expires_at = :expires,
                        refresh_token = coalesce(:refresh, refresh_token), refresh_expires_at = coalesce(:refreshExpires, refresh_expires_at),
                        refreshed_at = :now, refreshes = refreshes + 1
                    where account_id = :id
                    """)
                    .param("access", cipher.encrypt(account.id(), grant.accessToken()))
                    .param("expires", at(grant.accessExpiresAt() != null ? grant.accessExpiresAt() : clock.instant().plus(Duration.ofHours(1))))
                    .param("refresh", grant.refreshToken() == null ? null : cipher.encrypt(account.id(), grant.refreshToken()))
                    .param("refreshExpires", at(grant.refreshExpiresAt())).param("now", now()).param("id", account.id()).update();
            return grant.accessToken();
        });
        if (revoked[0] != null) {
            log.warn("account {} paused: {} refused its refresh token ({}); configure a new one (credentials.refresh-token)",
                    account.id(), account.channelType(), revoked[0].getMessage());
            throw new AccountPausedException("account '" + account.id() + "' is paused: " + account.channelType()
                    + " refused its refresh token (" + revoked[0].getMessage() + "); authorize again and set credentials.refresh-token");
        }
        return token;
    }

    private Optional<Row> read(String accountId, boolean lock) {
        return db.sql("""
                select access_token, access_expires_at, refresh_token, configured_hash, revoked_at, revoked_reason
                from channel_token where account_id = ?""" + (lock ? " for update" : ""))
                .param(accountId)
                .query((rs, n) -> new Row(rs.getBytes(1), rs.getObject(2, OffsetDateTime.class), rs.getBytes(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getString(6)))
                .optional();
    }

    private boolean fresh(Row row) {
        return row.accessToken() != null
                && (row.accessExpiresAt() == null || row.accessExpiresAt().toInstant().isAfter(clock.instant().plus(MARGIN)));
    }

    private static AccountPausedException paused(ChannelAccount account, Row row) {
        return new AccountPausedException("account '" + account.id() + "' is paused since " + row.revokedAt().toInstant() + ": "
                + row.revokedReason() + "; authorize again and set credentials.refresh-token");
    }

    private OffsetDateTime now() {
        return at(clock.instant());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
