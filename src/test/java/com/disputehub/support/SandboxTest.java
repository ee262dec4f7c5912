package com.disputehub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.integration.endpoint.AbstractEndpoint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.disputehub.channel.runtime.ChannelAccounts;
import com.disputehub.sync.AccountSync;

/**
 * Base of the demo's end-to-end tests: the demo profile's accounts (config/application-demo.yml) against the built-in
 * simulators on this same server, on a fixed free port (the demo accounts' base URLs name it). The simulators
 * stand still (no ticks) unless a test moves them; pollers and the dispatcher are driven by the tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "disputehub.sync.auto-startup=false",
        "disputehub.dispatch.auto-startup=false",
        "disputehub.bootstrap.api-key=" + Principals.API_KEY,
        "disputehub.bootstrap.admin-password=" + Principals.ADMIN_PASSWORD,
        "disputehub.sandbox.mirakl.tick=0",
        // the simulated buyer answers the shop's message after this long (M1): long enough to see it waiting first
        "disputehub.sandbox.mirakl.buyer-answer-delay=4s",
        "disputehub.sandbox.aliexpress.tick=0",
        "disputehub.sandbox.orderchamp.tick=0",
        "disputehub.sandbox.tipsa.tick=0",
        "disputehub.sandbox.ebay.tick=0",
        // webhooks: delivered only while a test starts the flow; then it looks often and retries within seconds
        "disputehub.webhooks.auto-startup=false",
        "disputehub.webhooks.poll-interval=200ms",
        "disputehub.webhooks.retry-schedule=1s,1s,1s,1s",
        // events to the machine's RabbitMQ (.ci/run starts it when it does not answer)
        "disputehub.events.amqp.enabled=true",
        "disputehub.events.amqp.poll-interval=200ms"})
@ActiveProfiles("demo")
public abstract class SandboxTest {

    protected static final int PORT = freePort();

    @Autowired
    protected AccountSync sync;
    @Autowired
    protected ChannelAccounts accounts;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    private Map<String, AbstractEndpoint> endpoints;
    protected final Api api = new Api(PORT);
    protected DecisionDriver decisions;

    @BeforeEach
    void driver() {
        decisions = new DecisionDriver(api, endpoints.get("decisionDispatch.poller"));
    }

    @AfterEach
    void stopDispatcher() {
        decisions.stop();
    }

    /** Starts webhook deliveries in this JVM (they stop after the test), as the connector runs them. */
    protected void startWebhooks() {
        endpoints.get("webhookDelivery.poller").start();
    }

    @AfterEach
    void stopWebhooks() {
        endpoints.get("webhookDelivery.poller").stop();
    }

    protected void poll(String account) {
        sync.poll(accounts.find(account).orElseThrow());
    }

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
