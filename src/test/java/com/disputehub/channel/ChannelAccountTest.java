package com.disputehub.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Secrets never leave an account through its text form or its errors. */
class ChannelAccountTest {

    ChannelAccount account = new ChannelAccount("shop", "mirakl", URI.create("https://x.mirakl.net"), Duration.ofMinutes(5),
            false, Map.of("api-key", "very-secret-key"), Map.of("shop-id", "12"));

    @Test
    @DisplayName("X4: toString names the credentials but never prints them")
    void toStringHidesSecrets() {
        assertThat(account.toString()).doesNotContain("very-secret-key").contains("api-key").contains("hidden");
    }

    @Test
    @DisplayName("X4: a missing credential names the property to set")
    void missingCredential() {
        assertThatThrownBy(() -> account.credential("token"))
                .hasMessageContaining("disputehub.accounts.shop.credentials.token");
    }

    @Test
    @DisplayName("X1: keys set through environment variables (api.key, SHOP_ID) match the documented ones")
    void relaxedKeys() {
        ChannelAccount fromEnv = new ChannelAccount("shop", "mirakl", URI.create("https://x"), Duration.ofMinutes(5), false,
                Map.of("api.key", "k1"), Map.of("SHOP_ID", "9", "reason.map.7", "DAMAGED"));

        assertThat(fromEnv.credential("api-key")).isEqualTo("k1");
        assertThat(fromEnv.option("shop-id")).contains("9");
        assertThat(fromEnv.option("reason-map.7")).contains("DAMAGED");
    }

    @Test
    @DisplayName("X2: options are read first, then credentials")
    void options() {
        assertThat(account.option("shop-id")).contains("12");
        assertThat(account.option("locale")).isEmpty();
    }
}
