package com.disputehub.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.disputehub.support.ConnectorProcess;
import com.disputehub.support.TestDatabase;
import com.disputehub.support.WebhookReceiver;

import tools.jackson.databind.JsonNode;

/**
 * X7, crash safety of webhooks: the demo connector, in a JVM of its own, syncs its simulated channels and delivers
 * their events to a slow receiver; it is killed with SIGKILL mid-way, and a new one finishes: the receiver,
 * de-duplicating by webhook-id, has every event the endpoint subscribes to, each verified.
 */
class WebhookCrashTest {

    static final String SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString("crash-test-secret-32-bytes-long!".getBytes());

    @Test
    @DisplayName("X7: a SIGKILL during webhook delivery loses no event; the receiver sees every one after de-duplication")
    void killedMidDelivery() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(TestDatabase.url(), "postgres", "");
        // the schema as the connector makes it, whether or not another test started one on this database before
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcClient db = JdbcClient.create(dataSource);
        try (WebhookReceiver erp = new WebhookReceiver().secrets(SECRET).slow(40)) {
            UUID endpoint = UUID.randomUUID();
            long from = subscribe(db, endpoint, erp.url());
            try {
                try (ConnectorProcess first = ConnectorProcess.start("webhook-crash-1-killed", connector())) {
                    await().atMost(Duration.ofSeconds(90)).until(() -> erp.events().size() >= 30);
                    first.kill();
                }
                int atCrash = erp.events().size();
                try (ConnectorProcess second = ConnectorProcess.start("webhook-crash-2-finishes", connector())) {
                    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                            .until(() -> !expected(db, from).isEmpty() && received(erp).containsAll(expected(db, from)));
                }
                Set<String> expected = expected(db, from);
                assertThat(atCrash).as("killed mid-way").isLessThan(expected.size());
                assertThat(received(erp)).containsAll(expected);
                assertThat(erp.badSignatures()).isEmpty();
            } finally {
                db.sql("delete from webhook_endpoint where id = ?").param(endpoint).update();
            }
        }
    }

    /**
     * The demo connector with a Mirakl account of its own on its simulator, whose 200 orders are new to this run's
     * database; the demo accounts are off, since the in-JVM sandbox tests own their rows in the same database.
     */
    private static String[] connector() {
        String account = "--disputehub.accounts.webhook-crash.";
        return new String[] {"--spring.profiles.active=demo", "--disputehub.sandbox.mirakl.initial-orders=200",
                "--disputehub.accounts.demo-mirakl-es.enabled=false", "--disputehub.accounts.demo-aliexpress-br.enabled=false",
                "--disputehub.accounts.demo-orderchamp-nl.enabled=false", "--disputehub.accounts.demo-tipsa-es.enabled=false",
                "--disputehub.accounts.demo-dsers-es.enabled=false", "--disputehub.accounts.demo-ebay-us.enabled=false",
                "--disputehub.sandbox.mirakl.tick=0", account + "channel=mirakl",
                account + "base-url=http://localhost:${server.port}/sandbox/mirakl", account + "poll-interval=1h",
                account + "sandbox=true", account + "credentials.api-key=sandbox-mirakl-shop-key",
                account + "options.locale=es_ES"};
    }

    /** An endpoint for every event from now on, as the API makes one (the secret known to the receiver). */
    private static long subscribe(JdbcClient db, UUID id, String url) {
        long from = db.sql("select coalesce(max(seq), 0) from event").query(Long.class).single();
        OffsetDateTime now = OffsetDateTime.now();
        db.sql("""
                insert into webhook_endpoint (id, url, event_types, accounts, enabled, timeout_ms, secret, cursor, created_by,
                  created_at, updated_at)
                values (?, ?, '{*}', '{}', true, 10000, ?, ?, 'crash-test', ?, ?)
                """).params(id, url, SECRET, from, now, now).update();
        return from;
    }

    /** Every event after the endpoint's start, once numbered; unnumbered ones are numbered by the connector first. */
    private static Set<String> expected(JdbcClient db, long from) {
        List<String> ids = db.sql("select id::text from event where seq > ? and target_endpoint is null").param(from)
                .query(String.class).list();
        long unnumbered = db.sql("select count(*) from event where seq is null").query(Long.class).single();
        return unnumbered > 0 ? Set.of() : new HashSet<>(ids);
    }

    private static Set<String> received(WebhookReceiver erp) {
        Set<String> ids = new HashSet<>();
        for (JsonNode event : erp.events()) {
            ids.add(event.get("id").asString());
        }
        return ids;
    }
}
