package com.disputehub.channel.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.integration.endpoint.AbstractEndpoint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import com.disputehub.channel.Capabilities;
import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.DecisionTarget;
import com.disputehub.channel.Reconciliation;
import com.disputehub.channel.command.DecisionType;
import com.disputehub.channel.runtime.ChannelAccounts;
import com.disputehub.channel.runtime.ChannelAdapters;
import com.disputehub.incident.Incident;
import com.disputehub.incident.IncidentStore;
import com.disputehub.incident.ReasonCategory;
import com.disputehub.support.Api;
import com.disputehub.support.DecisionDriver;
import com.disputehub.support.Principals;
import com.disputehub.support.TestData;
import com.disputehub.sync.SyncReport;
import com.disputehub.sync.SyncStates;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The adapter kit's contract (DOMAIN X8): what every channel adapter proves, through the real sync, store, outbox
 * and dispatcher, against a scripted fake of its wire protocol. An adapter's test extends it with a few hooks: its
 * fake (one WireMock server of its own), how the fake serves pages of records, the external id of a record's
 * incident, and the calls that carry its decisions. Its account is {@value #ACCOUNT}, configured by the test
 * ({@link #account}); each adapter test runs in a context of its own, closed after it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "disputehub.sync.auto-startup=false",
        "disputehub.dispatch.auto-startup=false",
        "disputehub.webhooks.auto-startup=false",
        "disputehub.bootstrap.api-key=" + Principals.API_KEY,
        "disputehub.bootstrap.admin-password=" + Principals.ADMIN_PASSWORD,
        "spring.datasource.hikari.maximum-pool-size=5",
        // retries as configured, only quicker: the scenarios wait for them
        "resilience4j.retry.configs.channel.wait-duration=100ms"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ChannelAdapterContract {

    public static final String ACCOUNT = "kit";

    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected ChannelAccounts accounts;
    @Autowired
    private ChannelAdapters adapters;
    @Autowired
    private com.disputehub.sync.AccountSync sync;
    @Autowired
    private SyncStates states;
    @Autowired
    private IncidentStore store;
    @Autowired
    private CircuitBreakerRegistry breakers;
    @Autowired
    private Map<String, AbstractEndpoint> endpoints;
    @LocalServerPort
    private int port;

    // ---- the hooks an adapter's test gives

    /** The adapter's fake of its wire protocol, a WireMock server of the test's own. */
    protected abstract WireMockServer fake();

    /**
     * Scripts the fake: the adapter's first read gets {@code pages.get(0)}, each next read the next page, the last
     * says no more follow. The page at {@code failing} (-1 for none) answers 500 whenever it is asked. Pages hold
     * three records but the last, as a channel with a page size of 3 answers (the kit's accounts ask for 3 where
     * the page size is theirs to choose, as supplier channels' is).
     */
    protected abstract void serve(List<List<KitRecord>> pages, int failing);

    /** Whether a request the fake received asks for the page at {@code index} of the last {@link #serve}. */
    protected abstract boolean asksForPage(LoggedRequest request, int index);

    /** The external id of the incident the adapter makes of a record (of its first, when it makes several). */
    protected abstract String externalId(KitRecord record);

    /** The raw reason code the fake sends in a record of kind UNKNOWN_VALUES, which the adapter cannot know. */
    protected abstract String unknownReasonCode();

    /** A decision of this type on the incident of a NORMAL record, after stubbing the channel to take it. */
    protected abstract KitDecision decision(DecisionType type, KitRecord record);

    /** Stubs the channel to refuse the decision's call as it does (a 4xx with its own message); answers that message. */
    protected abstract String refuse(KitDecision decision, KitRecord record);

    /**
     * Stubs what the channel shows when read back after a lost answer: the decision applied, not applied, or nothing
     * to tell by (the record gone from the answer, say).
     */
    protected abstract void readBack(KitDecision decision, KitRecord record, Reconciliation.Outcome shown);

    /** The account's secrets, which must appear in no toString and no log line. */
    protected abstract Collection<String> secrets();

    /** The decision a lost answer is reconciled for: one whose effect the channel shows when read back. */
    protected KitDecision decisionToReconcile(KitRecord record) {
        return decisionThatCalls(record).orElseThrow();
    }

    /** Anything the channel needs before a scenario besides the records (reference data, a session). */
    protected void prepare() {
    }

    /** A started WireMock server on loopback for an adapter test's fake, with its reads; stopped after the test class. */
    protected static WireMockServer startFake(Extension... reads) {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(reads));
        server.start();
        return server;
    }

    @AfterAll
    void stopFake() {
        fake().stop();
    }

    /** Registers the kit's account: its channel, the fake's address, its credentials and options. */
    protected static void account(DynamicPropertyRegistry registry, String channel, String baseUrl,
                                  Map<String, String> credentials, Map<String, String> options) {
        String prefix = "disputehub.accounts." + ACCOUNT + ".";
        registry.add(prefix + "channel", () -> channel);
        registry.add(prefix + "base-url", () -> baseUrl);
        registry.add(prefix + "poll-interval", () -> "1h");
        credentials.forEach((key, value) -> registry.add(prefix + "credentials." + key, () -> value));
        options.forEach((key, value) -> registry.add(prefix + "options." + key, () -> value));
    }

    // ---- the contract

    @BeforeEach
    void startClean() {
        fake().resetAll();
        breakers.circuitBreaker(ACCOUNT).reset();
        TestData.wipe(jdbc, ACCOUNT);
        prepare();
    }

    @Test
    @DisplayName("X8: pages are read to the end, each once, and every record becomes its incident")
    void pagingToTheEnd() {
        List<List<KitRecord>> pages = pages(List.of("p1", "p2", "p3"), List.of("p4", "p5", "p6"), List.of("p7"));
        serve(pages, -1);

        SyncReport report = poll();

        assertThat(report.pages()).isGreaterThanOrEqualTo(3);
        assertThat(externalIds()).containsExactlyInAnyOrderElementsOf(expected(pages));
        for (int page = 0; page < pages.size(); page++) {
            assertThat(requestsForPage(page)).as("page " + page).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("X8: after a poll that failed mid-way, the next resumes from the stored cursor without reading the first page again")
    void resumesFromStoredCursor() {
        List<List<KitRecord>> pages = pages(List.of("r1", "r2", "r3"), List.of("r4", "r5", "r6"), List.of("r7"));
        serve(pages, 1);
        assertThatThrownBy(this::poll).as("the second page fails after retries");
        assertThat(externalIds()).containsExactlyInAnyOrderElementsOf(expected(pages.subList(0, 1)));
        assertThat(states.find(ACCOUNT).orElseThrow().cursor()).as("the first page's cursor is kept").isNotBlank();

        breakers.circuitBreaker(ACCOUNT).reset();
        serve(pages, -1);
        int firstPoll = fake().getAllServeEvents().size();
        poll();

        assertThat(externalIds()).containsExactlyInAnyOrderElementsOf(expected(pages));
        List<LoggedRequest> secondPoll = requestsInOrder().subList(firstPoll, fake().getAllServeEvents().size());
        assertThat(secondPoll.stream().filter(r -> asksForPage(r, 0) || asksForPage(r, 1) || asksForPage(r, 2)).findFirst())
                .as("the next poll starts at the stored cursor: the second page").hasValueSatisfying(r -> assertThat(asksForPage(r, 1)).isTrue());
    }

    @Test
    @DisplayName("X8: a record listed twice (it changed while pages were read) is stored once, with nothing to tell the second time")
    void overlapStoredOnce() {
        // full pages, as the kit's fakes serve them: a channel may end its paging at the first short page
        serve(pages(List.of("o1", "o2", "o3"), List.of("o3", "o4")), -1);

        SyncReport report = poll();

        assertThat(externalIds()).hasSize(4);
        assertThat(report.created()).isEqualTo(4);
        assertThat(jdbc.sql("""
                select count(*) from timeline_event t join incident i on i.id = t.incident_id
                where i.account_id = ? and t.type = 'CHANNEL_UPDATE'
                """).param(ACCOUNT).query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("X8: an empty page is a poll that stores nothing and fails nothing")
    void emptyPage() {
        serve(List.of(List.of()), -1);

        SyncReport report = poll();

        assertThat(report.ran()).isTrue();
        assertThat(externalIds()).isEmpty();
        assertThat(states.find(ACCOUNT).orElseThrow().lastError()).isNull();
    }

    @Test
    @DisplayName("X8, X2: a malformed record is quarantined alone; its neighbours are stored")
    void malformedQuarantinedAlone() {
        KitRecord bad = KitRecord.malformed("m2");
        serve(List.of(List.of(KitRecord.normal("m1"), bad, KitRecord.normal("m3"))), -1);

        SyncReport report = poll();

        assertThat(externalIds()).containsExactlyInAnyOrder(externalId(KitRecord.normal("m1")), externalId(KitRecord.normal("m3")));
        assertThat(report.quarantined()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from quarantine where account_id = ?").param(ACCOUNT).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    @DisplayName("X8, X2: a value the adapter does not know is kept raw and normalized to OTHER")
    void unknownValueKeptRaw() {
        KitRecord strange = KitRecord.unknownValues("u1");
        serve(List.of(List.of(strange)), -1);

        poll();

        Incident incident = incident(strange);
        assertThat(incident.reason().category()).isEqualTo(ReasonCategory.OTHER);
        assertThat(incident.reason().rawCode()).isEqualTo(unknownReasonCode());
    }

    @Test
    @DisplayName("X8: a 503, then a 429 with Retry-After, are retried; the poll ends well and waits as asked")
    void serverErrorsRetried() {
        serve(pages(List.of("e1", "e2")), -1);
        fake().stubFor(any(anyUrl()).atPriority(1).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("busy"));
        fake().stubFor(any(anyUrl()).atPriority(1).inScenario("flaky").whenScenarioStateIs("busy")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("well"));

        long started = System.nanoTime();
        poll();

        assertThat(externalIds()).hasSize(2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("Retry-After: 1").isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    @DisplayName("X8: the channel's refusal (a 4xx, or its own error shape) ends the decision REJECTED in its own words, never retried")
    void refusalRejected() {
        KitRecord record = synced("d1");
        KitDecision decision = callingDecision(record);
        String message = refuse(decision, record);

        JsonNode outcome = driver().decide(incidentId(record), decision.json());

        assertThat(outcome.get("state").asString()).isEqualTo("REJECTED");
        assertThat(outcome.get("lastError").asString()).contains(message);
        assertThat(calls(decision)).isEqualTo(1);
    }

    @ParameterizedTest(name = "X8, X4: a lost answer, read back by the idempotency key: {0}")
    @EnumSource(Reconciliation.Outcome.class)
    void lostAnswerReconciled(Reconciliation.Outcome shown) {
        KitRecord record = synced("l1");
        callingDecision(record);
        KitDecision decision = decisionToReconcile(record);
        loseFirstAnswer(decision);
        readBack(decision, record, shown);

        JsonNode outcome = driver().decide(incidentId(record), decision.json());

        String expected = shown == Reconciliation.Outcome.UNKNOWN ? "UNKNOWN" : "SENT";
        await().atMost(Duration.ofSeconds(20)).until(() -> state(outcome).equals(expected));
        assertThat(calls(decision)).as(switch (shown) {
            case APPLIED -> "found applied: not sent again";
            case NOT_APPLIED -> "found not applied: sent again";
            case UNKNOWN -> "cannot tell: left for a person, never sent blindly again";
        }).isEqualTo(shown == Reconciliation.Outcome.NOT_APPLIED ? 2 : 1);
    }

    @Test
    @DisplayName("X8, X4: the same decision posted twice at once with one key reaches the channel once")
    void pushedOnce() throws Exception {
        KitRecord record = synced("k1");
        KitDecision decision = decisionThatCalls(record).orElseGet(() -> anyDecision(record));
        Api api = new Api(port);
        String key = "kit-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Api.Answer>> both = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            both.add(pool.submit(() -> api.post("/api/incidents/" + incidentId(record) + "/decisions", decision.json(),
                    "Idempotency-Key", key)));
        }
        Set<String> ids = new java.util.HashSet<>();
        for (Future<Api.Answer> answer : both) {
            assertThat(answer.get().status()).isEqualTo(202);
            ids.add(answer.get().body().get("id").asString());
        }
        pool.shutdown();
        assertThat(ids).hasSize(1);

        JsonNode outcome = driver().decide(incidentId(record), decision.json(), key);

        if (decision.sendsNothing()) {
            assertThat(outcome.get("state").asString()).isEqualTo("RECORDED");
            assertThat(jdbc.sql("select count(*) from decision where incident_id = ?").param(incidentId(record))
                    .query(Long.class).single()).as("one decision, recorded once").isOne();
        } else {
            assertThat(outcome.get("state").asString()).isEqualTo("SENT");
            assertThat(calls(decision)).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("X8: every decision the capabilities allow is accepted and sent; every other one is refused before any call")
    void capabilitiesRespected() {
        KitRecord record = synced("c1");
        Incident incident = incident(record);
        Capabilities capabilities = adapters.get(account().channelType()).capabilities(account(), DecisionTarget.of(incident));
        Set<DecisionType> allowed = capabilities.decisions().stream().filter(d -> d.allowedIn().contains(incident.status()))
                .map(Capabilities.DecisionSpec::type).collect(Collectors.toSet());
        assertThat(allowed).as("a NORMAL record's incident allows some decision").isNotEmpty();

        for (DecisionType type : DecisionType.values()) {
            startClean();
            synced(record.id());
            if (allowed.contains(type)) {
                KitDecision decision = decision(type, record);
                JsonNode outcome = driver().decide(incidentId(record), decision.json());
                assertThat(outcome.get("state").asString()).as(type + ": " + outcome).isIn("SENT", "RECORDED");
                if (!decision.sendsNothing()) {
                    assertThat(calls(decision)).as(type + " reached the channel").isPositive();
                }
            } else {
                int before = requests();
                Api.Answer refused = new Api(port).post("/api/incidents/" + incidentId(record) + "/decisions",
                        "{\"type\":\"" + type + "\"}");
                assertThat(refused.status()).as(type + " is refused").isIn(409, 422);
                assertThat(requests()).as(type + ": no call to the channel").isEqualTo(before);
            }
        }
    }

    @Test
    @DisplayName("X8, X6: the account's secrets are in no toString and no log line, through a sync and a decision")
    void secretsHidden(CapturedOutput output) {
        KitRecord record = synced("s1");
        driver().decide(incidentId(record), decisionThatCalls(record).orElseGet(() -> anyDecision(record)).json());

        assertThat(secrets()).isNotEmpty();
        for (String secret : secrets()) {
            assertThat(account().toString()).doesNotContain(secret);
            assertThat(output.getAll()).doesNotContain(secret);
        }
    }

    // ---- helpers for the scenarios and for the adapters' own tests

    protected ChannelAccount account() {
        return accounts.find(ACCOUNT).orElseThrow();
    }

    protected SyncReport poll() {
        return sync.poll(account());
    }

    /** A NORMAL record served alone and synced; its incident exists. */
    protected KitRecord synced(String id) {
        KitRecord record = KitRecord.normal(id);
        serve(List.of(List.of(record)), -1);
        poll();
        incident(record);
        return record;
    }

    protected Incident incident(KitRecord record) {
        return jdbc.sql("select id from incident where account_id = ? and external_id = ?").params(ACCOUNT, externalId(record))
                .query(UUID.class).optional().flatMap(store::find)
                .orElseThrow(() -> new AssertionError("no incident " + externalId(record) + "; stored: " + externalIds()));
    }

    protected UUID incidentId(KitRecord record) {
        return incident(record).id();
    }

    protected List<String> externalIds() {
        return jdbc.sql("select external_id from incident where account_id = ?").param(ACCOUNT).query(String.class).list();
    }

    /** How many times the fake was asked for the page at {@code index}. */
    protected int requestsForPage(int index) {
        return (int) requestsInOrder().stream().filter(r -> asksForPage(r, index)).count();
    }

    /** Every request the fake received, oldest first. */
    protected List<LoggedRequest> requestsInOrder() {
        return fake().getAllServeEvents().stream().map(ServeEvent::getRequest)
                .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    }

    /** Requests the fake received for the decision's call. */
    protected int calls(KitDecision decision) {
        return fake().findAll(pattern(decision)).size();
    }

    /** The REST API of the kit's connector, with every scope. */
    protected Api api() {
        return new Api(port);
    }

    /** The pages, signed in as an admin. */
    protected Api signedInAdmin() {
        return Api.anonymous(port).signInAsAdmin();
    }

    /** Decisions through the API and the real dispatcher, as the scenarios send them. */
    protected DecisionDriver driver() {
        return new DecisionDriver(new Api(port), endpoints.get("decisionDispatch.poller"));
    }

    /** The first decision allowed on the record's incident that calls the channel; empty when the channel sends none. */
    protected Optional<KitDecision> decisionThatCalls(KitRecord record) {
        return allowedDecisions(record).stream().filter(d -> !d.sendsNothing()).findFirst();
    }

    private KitDecision anyDecision(KitRecord record) {
        return allowedDecisions(record).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no decision is allowed on " + incident(record).status()));
    }

    private List<KitDecision> allowedDecisions(KitRecord record) {
        Incident incident = incident(record);
        return adapters.get(account().channelType()).capabilities(account(), DecisionTarget.of(incident)).decisions().stream()
                .filter(d -> d.allowedIn().contains(incident.status())).map(d -> decision(d.type(), record)).toList();
    }

    /** A decision that calls the channel; a channel that sends no decision (it keeps claim packages) skips the scenario. */
    private KitDecision callingDecision(KitRecord record) {
        Optional<KitDecision> decision = decisionThatCalls(record);
        Assumptions.assumeTrue(decision.isPresent(), "the channel's decisions send nothing: nothing to refuse or to lose");
        return decision.get();
    }

    private void loseFirstAnswer(KitDecision decision) {
        MappingBuilder lost = request(decision.method(), urlPathEqualTo(decision.path()));
        if (decision.bodyContains() != null) {
            lost = lost.withRequestBody(containing(decision.bodyContains()));
        }
        fake().stubFor(lost.atPriority(1).inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("answered"));
    }

    private RequestPatternBuilder pattern(KitDecision decision) {
        RequestPatternBuilder pattern = new RequestPatternBuilder(RequestMethod.fromString(decision.method()),
                urlPathEqualTo(decision.path()));
        return decision.bodyContains() == null ? pattern : pattern.withRequestBody(containing(decision.bodyContains()));
    }

    /** Every request the fake received (channels read with POST too: a gateway, GraphQL, SOAP). */
    private int requests() {
        return fake().getAllServeEvents().size();
    }

    private String state(JsonNode decision) {
        return new Api(port).get("/api/decisions/" + decision.get("id").asString()).body().get("state").asString();
    }

    private List<String> expected(List<List<KitRecord>> pages) {
        return pages.stream().flatMap(List::stream).map(this::externalId).distinct().toList();
    }

    @SafeVarargs
    private static List<List<KitRecord>> pages(List<String>... ids) {
        return Arrays.stream(ids).map(page -> page.stream().map(KitRecord::normal).toList()).toList();
    }
}
