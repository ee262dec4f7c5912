package com.disputehub.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.disputehub.support.Api;
import com.disputehub.support.IntegrationTest;

/**
 * Webhook endpoints from the pages, for an admin (DOMAIN X7), with the production guard (no private targets): the
 * secret shown once, a test event in the log, a failing endpoint turned off shown on every page, deletion asked first.
 */
class WebhookPagesTest extends IntegrationTest {

    Api admin;

    @BeforeEach
    void signIn() {
        admin = Api.anonymous(port).signInAsAdmin();
        startWebhooks();
    }

    @AfterEach
    void clean() {
        jdbc.sql("delete from webhook_endpoint").update();
    }

    @Test
    @DisplayName("X7: an endpoint added on the page shows its secret once; a test event is in its log; deleting asks first")
    void addTestDelete() {
        String made = admin.formPage("/inbox/admin/webhooks", Map.of("url", "https://93.184.216.34/hooks/disputes",
                "eventTypes", "incident.*, decision.sent", "description", "SAP"));
        Matcher secret = Pattern.compile("id=\"webhook-secret\">(whsec_[^<]+)<").matcher(made);
        assertThat(secret.find()).as(made).isTrue();
        String list = admin.page("/inbox/admin/webhooks?lang=en");
        assertThat(list).contains("https://93.184.216.34/hooks/disputes").contains("incident.*, decision.sent")
                .doesNotContain(secret.group(1));
        UUID id = jdbc.sql("select id from webhook_endpoint").query(UUID.class).single();

        assertThat(admin.submit("/inbox/admin/webhooks/" + id + "/test", Map.of())).contains("A test event is on its way");
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.page("/inbox/admin/webhooks/" + id + "?lang=en")
                .contains("webhook.test") && jdbc.sql("select count(*) from webhook_attempt").query(Long.class).single() > 0);
        assertThat(admin.page("/inbox/admin/webhooks/" + id + "?lang=en")).contains("class=\"delivery-row\" data-state=\"PENDING\"");

        assertThat(admin.formPage("/inbox/admin/webhooks/" + id + "/delete", Map.of())).contains("id=\"confirm-question\"");
        assertThat(jdbc.sql("select count(*) from webhook_endpoint").query(Long.class).single()).as("asking deleted nothing").isOne();
        assertThat(admin.submit("/inbox/admin/webhooks/" + id + "/delete", Map.of("confirmed", "yes"))).contains("deleted");
        assertThat(jdbc.sql("select count(*) from webhook_endpoint").query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("X7: loopback and plain http are refused with a sentence; a disabled endpoint is a banner on every page for admins")
    void guardAndBanner() {
        assertThat(admin.submit("/inbox/admin/webhooks", Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", "*")))
                .contains("Not done:").contains("private or loopback");
        String made = admin.formPage("/inbox/admin/webhooks", Map.of("url", "https://93.184.216.34/gone", "eventTypes", "*"));
        assertThat(made).contains("whsec_");
        UUID id = jdbc.sql("select id from webhook_endpoint").query(UUID.class).single();
        jdbc.sql("update webhook_endpoint set enabled = false, disabled_reason = 'the endpoint answered 410 Gone' where id = ?")
                .param(id).update();

        assertThat(admin.page("/inbox?lang=en")).contains("id=\"webhook-banner\"").contains("410 Gone");
        Api agent = Api.anonymous(port).signInAsAdmin();
        assertThat(admin.submit("/inbox/admin/webhooks/" + id + "/enabled", Map.of("enabled", "true")))
                .contains("enabled; what it missed goes out now").doesNotContain("id=\"webhook-banner\"");
        assertThat(agent.page("/inbox?lang=en")).doesNotContain("id=\"webhook-banner\"");
    }
}
