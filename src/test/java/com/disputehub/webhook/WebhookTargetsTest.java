package com.disputehub.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** The SSRF guard of webhook URLs (DOMAIN X7, X6), on address literals so that no name needs resolving. */
class WebhookTargetsTest {

    static WebhookTargets targets(boolean allowPrivate) {
        return new WebhookTargets(new WebhookProperties(allowPrivate, Duration.ofSeconds(10), List.of(Duration.ofSeconds(5)),
                0.2, Duration.ofHours(24), Duration.ofHours(24), true, Duration.ofSeconds(1), 50, 8, Duration.ofHours(24)));
    }

    @Test
    @DisplayName("X7: in production only https:// to public addresses; loopback, private and plain http are refused")
    void production() {
        WebhookTargets guard = targets(false);
        assertThat(guard.check("https://93.184.216.34/hooks/disputes").getHost()).isEqualTo("93.184.216.34");
        for (String refused : List.of("http://93.184.216.34/hook", "https://127.0.0.1/hook", "https://10.1.2.3/hook",
                "https://192.168.0.10/hook", "https://172.16.5.4/hook", "https://100.64.0.1/hook", "https://[::1]/hook",
                "https://[fd12::1]/hook")) {
            assertThatThrownBy(() -> guard.check(refused)).as(refused).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    @DisplayName("X7: with private targets allowed (demo, tests), loopback over http is taken; link-local and metadata never")
    void demo() {
        WebhookTargets guard = targets(true);
        assertThat(guard.check("http://127.0.0.1:8081/hook").getPort()).isEqualTo(8081);
        assertThat(guard.check("http://10.0.0.7/hook").getHost()).isEqualTo("10.0.0.7");
        for (String refused : List.of("http://169.254.169.254/latest/meta-data", "https://[fe80::1]/hook",
                "http://metadata.google.internal/computeMetadata/v1", "http://0.0.0.0/hook", "http://100.100.100.200/meta",
                "http://[::ffff:169.254.169.254]/latest", "https://[fd00:ec2::254]/latest", "ftp://127.0.0.1/hook",
                "http://user:pw@127.0.0.1/hook", "http://93.184.216.34/hook")) {
            assertThatThrownBy(() -> guard.check(refused)).as(refused).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    @DisplayName("X7: the shipped retry schedule (application.yml) spans more than a day, its first retry within ten seconds")
    void scheduleSpansADay() throws Exception {
        var yaml = new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
        WebhookProperties shipped = new Binder(ConfigurationPropertySources.from(yaml))
                .bindOrCreate("disputehub.webhooks", WebhookProperties.class);
        Duration total = shipped.retrySchedule().stream().reduce(Duration.ZERO, Duration::plus);
        double shortest = 1 - shipped.jitter();
        assertThat(total.toMillis() * shortest).as("even with the jitter's shortest waits")
                .isGreaterThan(Duration.ofHours(24).toMillis());
        assertThat(shipped.retrySchedule().get(0).toMillis() * (1 + shipped.jitter())).isLessThanOrEqualTo(10_000);
        assertThat(shipped.allowPrivateTargets()).isFalse();
    }
}
