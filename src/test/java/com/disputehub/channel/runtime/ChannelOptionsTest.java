package com.disputehub.channel.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import com.disputehub.DisputeHubApplication;
import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.OptionSpec;
import com.disputehub.channel.OptionValues;

/** Account options are checked at start, each problem naming the key (DOMAIN X8). */
class ChannelOptionsTest {

    static final List<OptionSpec> TIPSA = List.of(OptionSpec.integer("lookback-days", "Days read back", 7, 0, 60),
            OptionSpec.choice("claim-language", "Language", "en", "en", "zh"));

    @Test
    @DisplayName("X8: the channel's and the common options are taken, as keys arrive from YAML or the environment")
    void known() {
        assertThatCode(() -> ChannelAccounts.checkOptions("t", "tipsa", Map.of("lookback-days", "3", "LOOKBACK_DAYS", "0",
                "time-zone", "Europe/Madrid", "reason-map.7", "DAMAGED", "approval-refund-above", "none", "claim-language", "zh"), TIPSA))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("X8: an unknown option, a wrong number, a wrong zone or choice stops the start naming the key")
    void refused() {
        assertThatThrownBy(() -> ChannelAccounts.checkOptions("t", "tipsa", Map.of("lookbak-days", "3"), TIPSA))
                .hasMessageContaining("options.lookbak-days is not an option of a tipsa account").hasMessageContaining("lookback-days");
        assertThatThrownBy(() -> ChannelAccounts.checkOptions("t", "tipsa", Map.of("lookback-days", "many"), TIPSA))
                .hasMessageContaining("options.lookback-days must be a whole number from 0 to 60, not 'many'");
        assertThatThrownBy(() -> ChannelAccounts.checkOptions("t", "tipsa", Map.of("lookback-days", "90"), TIPSA))
                .hasMessageContaining("must be from 0 to 60");
        assertThatThrownBy(() -> ChannelAccounts.checkOptions("t", "tipsa", Map.of("time-zone", "Mars/Olympus"), TIPSA))
                .hasMessageContaining("options.time-zone must be a time zone");
        assertThatThrownBy(() -> ChannelAccounts.checkOptions("t", "tipsa", Map.of("claim-language", "fr"), TIPSA))
                .hasMessageContaining("must be one of [en, zh]");
        assertThatThrownBy(() -> ChannelAccounts.checkOptions("t", "tipsa", Map.of("approval-refund-above", "-5"), TIPSA))
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> ChannelAccounts.checkOptions("t", "tipsa", Map.of("reason-map.", "X"), TIPSA))
                .hasMessageContaining("is not an option");
    }

    @Test
    @DisplayName("X8: a required option that is missing stops the start naming it and saying what it is")
    void requiredMissing() {
        List<OptionSpec> meli = List.of(OptionSpec.text("user-id", "The seller's user id", null).asRequired(),
                OptionSpec.integer("page-size", "Claims per page", 30, 1, 100));

        assertThatThrownBy(() -> ChannelAccounts.checkOptions("m", "mercadolibre", Map.of("page-size", "10"), meli))
                .hasMessageContaining("options.user-id is required for a mercadolibre account: The seller's user id");
        assertThatCode(() -> ChannelAccounts.checkOptions("m", "mercadolibre", Map.of("USER_ID", "1330467461"), meli))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("X8: an adapter's options record takes the configured value, else the spec's default, typed")
    void typedValues() {
        List<OptionSpec> specs = List.of(OptionSpec.integer("page-size", "Per page", 30, 1, 100),
                OptionSpec.zone("timestamp-zone", "Zone", "UTC"), OptionSpec.choice("digital-signatures", "Sign", "false", "true", "false"),
                OptionSpec.decimal("threshold", "Line", "0.05"), OptionSpec.text("shop-id", "Shop", null));
        ChannelAccount account = new ChannelAccount("a", "x",
                URI.create("http://127.0.0.1"), Duration.ofMinutes(5), false, Map.of(),
                Map.of("page_size", "12", "digital-signatures", "true"));
        OptionValues values = OptionValues.of(account, specs);

        assertThat(values.integer("page-size")).isEqualTo(12);
        assertThat(values.flag("digital-signatures")).isTrue();
        assertThat(values.zone("timestamp-zone")).isEqualTo(ZoneId.of("UTC"));
        assertThat(values.decimal("threshold")).isEqualByComparingTo("0.05");
        assertThat(values.text("shop-id")).isEmpty();
        assertThatThrownBy(() -> values.integer("undeclared")).hasMessageContaining("options.undeclared is not declared");
    }

    @Test
    @DisplayName("X8, X6: an account with a refresh token and no encryption key stops the start, naming the key to set")
    void refreshTokenNeedsKey() {
        String account = "--disputehub.accounts.no-key.";
        assertThatThrownBy(() -> new SpringApplicationBuilder(DisputeHubApplication.class).run("--server.port=0",
                "--spring.main.banner-mode=off", "--disputehub.sync.auto-startup=false", "--disputehub.dispatch.auto-startup=false",
                "--disputehub.webhooks.auto-startup=false", account + "channel=ebay", account + "base-url=http://127.0.0.1:9",
                account + "credentials.client-id=app", account + "credentials.client-secret=cert", account + "credentials.refresh-token=r1"))
                .hasStackTraceContaining("account 'no-key': credentials.refresh-token needs disputehub.tokens.encryption-key")
                .hasStackTraceContaining("DISPUTEHUB_TOKENS_ENCRYPTION_KEY");
    }
}
