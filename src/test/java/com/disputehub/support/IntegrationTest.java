package com.disputehub.support;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.integration.endpoint.AbstractEndpoint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.disputehub.channel.runtime.ChannelAccounts;
import com.disputehub.sync.AccountSync;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * Base of the tests that need the whole application: a real PostgreSQL (this run's own database), the server on
 * a random loopback port, and one Mirakl account pointed at a WireMock fake. Pollers and the dispatcher do not
 * start by themselves; tests drive them. Every test starts with the accounts' rows and the fake's stubs wiped, and
 * every circuit breaker closed (the registry keeps them between tests).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "disputehub.sync.auto-startup=false",
        "disputehub.dispatch.auto-startup=false",
        "disputehub.webhooks.auto-startup=false",
        "disputehub.search.auto-startup=false",
        "disputehub.bootstrap.api-key=" + Principals.API_KEY,
        "disputehub.bootstrap.admin-password=" + Principals.ADMIN_PASSWORD,
        "disputehub.http.read-timeout=2s",
        "resilience4j.retry.configs.channel.wait-duration=20ms",
        "disputehub.dispatch.poll-interval=100ms",
        "disputehub.dispatch.batch-size=4",
        // the circuit breaker scenario's own account: no retries, a small window, a short open state
        "resilience4j.retry.configs.cb-mirakl.max-attempts=1",
        "resilience4j.circuitbreaker.configs.cb-mirakl.sliding-window-size=4",
        "resilience4j.circuitbreaker.configs.cb-mirakl.minimum-number-of-calls=2",
        "resilience4j.circuitbreaker.configs.cb-mirakl.failure-rate-threshold=50",
        // longer than the breaker scenario's own steps while it is open (2.2 to 2.5 s seen on a busy machine)
        "resilience4j.circuitbreaker.configs.cb-mirakl.wait-duration-in-open-state=5s",
        "resilience4j.circuitbreaker.configs.cb-mirakl.permitted-number-of-calls-in-half-open-state=1",
        "resilience4j.circuitbreaker.configs.cb-mirakl.automatic-transition-from-open-to-half-open-enabled=true",
        // the rate limit scenario's account: 25 calls a second
        "resilience4j.ratelimiter.configs.rl-mirakl.limit-for-period=30",
        "resilience4j.ratelimiter.configs.rl-mirakl.limit-refresh-period=1s",
        "resilience4j.ratelimiter.configs.rl-mirakl.timeout-duration=30s"})
public abstract class IntegrationTest {

    protected static final String ACCOUNT = "test-mirakl";
    protected static final String API_KEY = "test-shop-key-4711";
    protected static final String ALIEXPRESS = "ae-test";
    protected static final String AE_SECRET = "ae-app-secret-99";
    protected static final String ORDERCHAMP = "oc-test";
    protected static final String TIPSA = "tipsa-test";
    protected static final String TIPSA_PASSWORD = "tipsa-secret-pass-31";
    protected static final String DSERS = "dsers-test";
    protected static final String CJ = "cj-test";
    protected static final String FOUR_EYES = "fe-mirakl";
    /**
     * The fake's rate: 50 requests in any second; the rl-mirakl account is limited to 30 a second, which a limiter
     * that let 30 through at the end of one second and 30 at the start of the next would exceed. The margin is for a
     * busy machine: a pause of this JVM (the fake's too) lets the calls due meanwhile go together when it ends.
     */
    protected static final SlidingWindowLimit CHANNEL_RATE = new SlidingWindowLimit(50);
    protected static final WireMockServer MIRAKL = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
            .extensions(CHANNEL_RATE));

    static {
        MIRAKL.start();
    }

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected CircuitBreakerRegistry breakers;

    @Autowired
    protected AccountSync sync;

    @Autowired
    protected ChannelAccounts accounts;

    @Autowired
    private Map<String, AbstractEndpoint> endpoints;

    /** Decisions through the API and the real dispatch flow; the dispatcher stops after each test. */
    protected DecisionDriver decisions() {
        return new DecisionDriver(new Api(port), endpoints.get("decisionDispatch.poller"));
    }

    /** Starts the real dispatch flow; it stops after the test. */
    protected void startDispatcher() {
        endpoints.get("decisionDispatch.poller").start();
    }

    /** Starts webhook deliveries in this JVM; they stop after the test. */
    protected void startWebhooks() {
        endpoints.get("webhookDelivery.poller").start();
    }

    @AfterEach
    void stopDispatcher() {
        endpoints.get("webhookDelivery.poller").stop();
        endpoints.get("decisionDispatch.poller").stop();
        // a batch already claimed finishes after the stop; the next test's wipe must not race its timeline entries
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                jdbc.sql("select count(*) from decision where state = 'SENDING'").query(Long.class).single() == 0);
    }

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void miraklAccounts(DynamicPropertyRegistry registry) {
        registry.add("disputehub.tokens.encryption-key", TestKeys::tokenKey);
        account(registry, ACCOUNT, "");
        account(registry, "cb-mirakl", "/cb");
        // automatic assignment in turn (X9); "ghost" is no one and is passed over
        registry.add("disputehub.inbox.auto-assign.cb-mirakl", () -> "ana.work, ghost, ben.work");
        // M5: this operator asks not to be copied on messages to buyers
        registry.add("disputehub.accounts.cb-mirakl.options.warn-copy-operator", () -> "yes");
        account(registry, "rl-mirakl", "/rl");
        // the four-eyes scenario's account: refunds above 50 (in the order's currency) wait for a supervisor
        account(registry, FOUR_EYES, "/fe");
        registry.add("disputehub.accounts." + FOUR_EYES + ".options.approval-refund-above", () -> "50");
        String ae = "disputehub.accounts." + ALIEXPRESS + ".";
        registry.add(ae + "channel", () -> "aliexpress");
        registry.add(ae + "base-url", () -> MIRAKL.baseUrl() + "/ae");
        registry.add(ae + "poll-interval", () -> "1h");
        registry.add(ae + "credentials.app-key", () -> "12345");
        registry.add(ae + "credentials.app-secret", () -> AE_SECRET);
        registry.add(ae + "credentials.access-token", () -> "seller-session-token");
        String oc = "disputehub.accounts." + ORDERCHAMP + ".";
        registry.add(oc + "channel", () -> "orderchamp");
        registry.add(oc + "base-url", () -> MIRAKL.baseUrl() + "/oc");
        registry.add(oc + "poll-interval", () -> "1h");
        registry.add(oc + "credentials.access-token", () -> "oc-private-token");
        String tipsa = "disputehub.accounts." + TIPSA + ".";
        registry.add(tipsa + "channel", () -> "tipsa");
        registry.add(tipsa + "base-url", () -> MIRAKL.baseUrl() + "/tipsa");
        registry.add(tipsa + "poll-interval", () -> "1h");
        registry.add(tipsa + "credentials.agency", () -> "000077");
        registry.add(tipsa + "credentials.client", () -> "CLI42");
        registry.add(tipsa + "credentials.password", () -> TIPSA_PASSWORD);
        registry.add(tipsa + "options.lookback-days", () -> "0");
        String dsers = "disputehub.accounts." + DSERS + ".";
        registry.add(dsers + "channel", () -> "dsers");
        registry.add(dsers + "base-url", () -> MIRAKL.baseUrl() + "/dsers");
        registry.add(dsers + "poll-interval", () -> "1h");
        registry.add(dsers + "credentials.app-key", () -> "54321");
        registry.add(dsers + "credentials.app-secret", () -> AE_SECRET);
        registry.add(dsers + "credentials.access-token", () -> "dropshipper-token");
        registry.add(dsers + "options.max-evidence-bytes", () -> "1048576");
        String cj = "disputehub.accounts." + CJ + ".";
        registry.add(cj + "channel", () -> "cj");
        registry.add(cj + "base-url", () -> MIRAKL.baseUrl() + "/cj");
        registry.add(cj + "poll-interval", () -> "1h");
        registry.add(cj + "credentials.access-token", () -> "cj-token-5150");
    }

    /** A Mirakl account on the shared fake, its calls under {@code pathPrefix}. */
    private static void account(DynamicPropertyRegistry registry, String id, String pathPrefix) {
        String prefix = "disputehub.accounts." + id + ".";
        registry.add(prefix + "channel", () -> "mirakl");
        registry.add(prefix + "base-url", () -> MIRAKL.baseUrl() + pathPrefix);
        registry.add(prefix + "poll-interval", () -> "1h");
        registry.add(prefix + "credentials.api-key", () -> API_KEY);
        registry.add(prefix + "options.shop-id", () -> "2001");
        registry.add(prefix + "options.locale", () -> "es_ES");
        registry.add(prefix + "options.time-zone", () -> "Europe/Madrid");
        registry.add(prefix + "options.page-size", () -> "3");
    }

    @BeforeEach
    void startClean() {
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        MIRAKL.resetAll();
        CHANNEL_RATE.reset();
        MiraklFake.reasons(MIRAKL);
        MiraklFake.reasons(MIRAKL, "/fe");
        for (String account : new String[] {ACCOUNT, "cb-mirakl", "rl-mirakl", FOUR_EYES, ALIEXPRESS, ORDERCHAMP, TIPSA, DSERS, CJ}) {
            wipe(account);
        }
    }

    protected void wipe(String account) {
        TestData.wipe(jdbc, account);
        jdbc.sql("delete from incident_group").update();
        jdbc.sql("delete from bulk_decision").update();
    }

    /**
     * Syncs the orders of {@code orders-page-1.json} (with their threads) into an account whose calls live under
     * {@code pathPrefix} on the fake, and answers the id of incident ORD-100-A-1.
     */
    protected UUID syncFixtureOrders(String account, String pathPrefix) {
        MIRAKL.stubFor(get(urlPathEqualTo(pathPrefix + "/api/orders")).withQueryParam("has_incident", equalTo("true"))
                .willReturn(MiraklFake.json(MiraklFake.fixture("orders-page-1.json").replace("\"total_count\": 4", "\"total_count\": 3"))));
        MIRAKL.stubFor(get(urlPathEqualTo(pathPrefix + "/api/inbox/threads")).willReturn(MiraklFake.jsonFixture("threads-orders.json")));
        sync.poll(accounts.find(account).orElseThrow());
        return jdbc.sql("select id from incident where account_id = ? and external_id = 'ORD-100-A-1'").param(account)
                .query(UUID.class).single();
    }

    protected String api(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
