package com.disputehub.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Base of the tests that need the whole application: a real PostgreSQL (this run's own database), the server on
 * a random loopback port, and one Mirakl account pointed at a WireMock fake. Pollers and the dispatcher do not
 * start by themselves; tests drive them. Every test starts with the account's rows and the fake's stubs wiped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "disputehub.sync.auto-startup=false",
        "disputehub.dispatch.auto-startup=false",
        "disputehub.sandbox.enabled=false",
        "disputehub.http.read-timeout=2s",
        "resilience4j.retry.configs.channel.wait-duration=20ms"})
public abstract class IntegrationTest {

    protected static final String ACCOUNT = "test-mirakl";
    protected static final String API_KEY = "test-shop-key-4711";
    protected static final WireMockServer MIRAKL = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    static {
        MIRAKL.start();
    }

    @Autowired
    protected JdbcClient jdbc;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void miraklAccount(DynamicPropertyRegistry registry) {
        String prefix = "disputehub.accounts." + ACCOUNT + ".";
        registry.add(prefix + "channel", () -> "mirakl");
        registry.add(prefix + "base-url", MIRAKL::baseUrl);
        registry.add(prefix + "poll-interval", () -> "1h");
        registry.add(prefix + "credentials.api-key", () -> API_KEY);
        registry.add(prefix + "options.shop-id", () -> "2001");
        registry.add(prefix + "options.locale", () -> "es_ES");
        registry.add(prefix + "options.time-zone", () -> "Europe/Madrid");
        registry.add(prefix + "options.page-size", () -> "3");
    }

    @BeforeEach
    void startClean() {
        MIRAKL.resetAll();
        MiraklFake.reasons(MIRAKL);
        wipe(ACCOUNT);
    }

    protected void wipe(String account) {
        String incidents = "(select id from incident where account_id = ?)";
        for (String table : new String[] {"decision", "timeline_event", "change_event", "incident_note"}) {
            jdbc.sql("delete from " + table + " where incident_id in " + incidents).param(account).update();
        }
        jdbc.sql("delete from incident where account_id = ?").param(account).update();
        jdbc.sql("delete from sync_state where account_id = ?").param(account).update();
        jdbc.sql("delete from quarantine where account_id = ?").param(account).update();
    }

    protected String api(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
