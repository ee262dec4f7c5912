package com.disputehub.channel.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.runtime.ChannelGuards;
import com.disputehub.support.Api;
import com.disputehub.support.IntegrationTest;

/**
 * OAuth tokens of channel accounts (DOMAIN X8): one refresh at a time across instances, single-use refresh tokens
 * stored before use, encrypted at rest, and a refused refresh token pausing the account, never retried in a loop.
 */
class AccountTokensTest extends IntegrationTest {

    @Autowired
    AccountTokens tokens;
    @Autowired
    ChannelGuards guards;
    @Autowired
    TokenCipher cipher;

    private static ChannelAccount account(String id, String refreshToken) {
        return new ChannelAccount(id, "ebay", URI.create("http://127.0.0.1:9"), Duration.ofHours(1), false,
                Map.of("refresh-token", refreshToken), Map.of());
    }

    @BeforeEach
    void noTokens() {
        jdbc.sql("delete from channel_token where account_id like 'tok-%'").update();
    }

    @Test
    @DisplayName("X8: eight callers at once, as eight instances would, make one refresh; all get its token")
    void oneRefreshAtATime() throws Exception {
        ChannelAccount account = account("tok-race", "refresh-A");
        AtomicInteger refreshes = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        TokenRefresher slow = (a, refresh) -> {
            refreshes.incrementAndGet();
            sleep(300);
            return new TokenGrant("access-" + refreshes.get(), Instant.now().plus(Duration.ofHours(2)), null, null);
        };
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> got = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            got.add(pool.submit(() -> {
                go.await();
                return tokens.accessToken(account, slow);
            }));
        }
        go.countDown();
        List<String> answers = new ArrayList<>();
        for (Future<String> f : got) {
            answers.add(f.get());
        }
        pool.shutdown();

        assertThat(refreshes).hasValue(1);
        assertThat(answers).containsOnly("access-1");
    }

    @Test
    @DisplayName("X8: a single-use refresh token is replaced by the one the channel answers, and the next refresh uses it")
    void rotatingRefreshTokenStoredFirst() {
        ChannelAccount account = account("tok-rotate", "refresh-1");
        List<String> used = new CopyOnWriteArrayList<>();
        AtomicInteger n = new AtomicInteger(1);
        TokenRefresher rotating = (a, refresh) -> {
            used.add(refresh);
            int next = n.incrementAndGet();
            // already expired: every call refreshes, so each uses the refresh token the last one answered
            return new TokenGrant("access-" + next, Instant.now().minusSeconds(1), "refresh-" + next, null);
        };

        tokens.accessToken(account, rotating);
        tokens.accessToken(account, rotating);
        tokens.accessToken(account, rotating);

        assertThat(used).containsExactly("refresh-1", "refresh-2", "refresh-3");
    }

    @Test
    @DisplayName("X8, X6: tokens are stored encrypted with the configured key, bound to their account")
    void encryptedAtRest() {
        ChannelAccount account = account("tok-rest", "refresh-secret-4711");
        tokens.accessToken(account, (a, r) -> new TokenGrant("access-secret-0815", Instant.now().plus(Duration.ofHours(2)), null, null));

        Map<String, Object> row = jdbc.sql("select access_token, refresh_token from channel_token where account_id = 'tok-rest'")
                .query().singleRow();
        for (Object value : row.values()) {
            assertThat(new String((byte[]) value, StandardCharsets.ISO_8859_1)).doesNotContain("secret");
        }
        byte[] sealed = cipher.encrypt("tok-rest", "access-secret-0815");
        assertThat(cipher.decrypt("tok-rest", sealed)).isEqualTo("access-secret-0815");
        assertThatThrownBy(() -> cipher.decrypt("tok-other", sealed)).as("bound to its account").hasMessageContaining("do not decrypt");
    }

    @Test
    @DisplayName("X8: a refused refresh token pauses the account (no call goes out, no retry loop) until a new one is configured")
    void refusedRefreshTokenPauses() {
        ChannelAccount account = account("tok-revoked", "refresh-old");
        AtomicInteger calls = new AtomicInteger();
        TokenRefresher refusing = (a, r) -> {
            calls.incrementAndGet();
            throw new TokenRevokedException(400, "token refresh: HTTP 400 invalid_grant");
        };

        assertThatThrownBy(() -> tokens.accessToken(account, refusing)).isInstanceOf(AccountPausedException.class)
                .hasMessageContaining("invalid_grant").hasMessageContaining("credentials.refresh-token");
        assertThatThrownBy(() -> tokens.accessToken(account, refusing)).isInstanceOf(AccountPausedException.class);
        assertThat(calls).as("the refused token is not tried again").hasValue(1);
        assertThat(guards.paused(account)).isTrue();
        assertThat(guards.pausedAccounts(List.of(account))).containsExactly("tok-revoked");
        assertThat(Api.anonymous(port).signInAsAdmin().page("/inbox?lang=en")).as("the banner names configured accounts only")
                .doesNotContain("tok-revoked");

        ChannelAccount reconnected = account("tok-revoked", "refresh-new");
        assertThat(tokens.accessToken(reconnected, (a, r) -> new TokenGrant("access-" + r, Instant.now().plus(Duration.ofHours(1)), null, null)))
                .isEqualTo("access-refresh-new");
        assertThat(guards.paused(reconnected)).isFalse();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
