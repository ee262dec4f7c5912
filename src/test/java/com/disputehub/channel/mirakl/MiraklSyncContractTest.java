package com.disputehub.channel.mirakl;

import static com.disputehub.support.MiraklFake.authorized;
import static com.disputehub.support.MiraklFake.json;
import static com.disputehub.support.MiraklFake.jsonFixture;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

import javax.sql.DataSource;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ChannelProtocolException;
import com.disputehub.channel.ChannelRejectedException;
import com.disputehub.channel.ChannelUnavailableException;
import com.disputehub.incident.Incident;
import com.disputehub.incident.IncidentStatus;
import com.disputehub.incident.ReasonCategory;
import com.disputehub.support.IntegrationTest;
import com.disputehub.support.MiraklFake;
import com.disputehub.sync.SyncReport;
import com.disputehub.sync.SyncStates;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

/** The Mirakl adapter against a WireMock fake of the seller API, through the real sync and store. */
class MiraklSyncContractTest extends IntegrationTest {

    @Autowired
    SyncStates states;
    @Autowired
    DataSource dataSource;
    @Autowired
    org.springframework.context.ApplicationContext context;

    ChannelAccount account() {
        return accounts.find(ACCOUNT).orElseThrow();
    }

    MappingBuilder or11() {
        return authorized(get(urlPathEqualTo("/api/orders"))).withQueryParam("shop_id", equalTo("2001"));
    }

    void stubFirstPass() {
        MIRAKL.stubFor(or11().withQueryParam("has_incident", equalTo("true")).withQueryParam("offset", equalTo("0"))
                .withQueryParam("start_update_date", absent()).willReturn(jsonFixture("orders-page-1.json")));
        MIRAKL.stubFor(or11().withQueryParam("has_incident", equalTo("true")).withQueryParam("offset", equalTo("3"))
                .withQueryParam("start_update_date", absent()).willReturn(jsonFixture("orders-page-2.json")));
        MiraklFake.threadsOfOrders(MIRAKL, "threads-orders.json");
    }

    Incident incident(String externalId) {
        return jdbc.sql("select id from incident where account_id = ? and external_id = ?").params(ACCOUNT, externalId)
                .query(java.util.UUID.class).optional()
                .flatMap(id -> store.find(id)).orElseThrow(() -> new AssertionError("no incident " + externalId));
    }

    @Autowired
    com.disputehub.incident.IncidentStore store;

    long count(String sql) {
        return jdbc.sql(sql).param(ACCOUNT).query(Long.class).single();
    }

    @Test
    @DisplayName("M2, X2: the first poll pages through OR11, stores every good incident and quarantines the malformed order in the middle")
    void firstPollPagesAndQuarantines() {
        stubFirstPass();

        SyncReport report = sync.poll(account());

        assertThat(report.pages()).isEqualTo(2);
        assertThat(report.created()).isEqualTo(3);
        assertThat(report.quarantined()).isEqualTo(1);
        MIRAKL.verify(getRequestedFor(urlPathEqualTo("/api/orders")).withQueryParam("offset", equalTo("0"))
                .withQueryParam("max", equalTo("3")).withHeader("Authorization", equalTo(API_KEY)));
        MIRAKL.verify(getRequestedFor(urlPathEqualTo("/api/orders")).withQueryParam("offset", equalTo("3")));

        Incident damaged = incident("ORD-100-A-1");
        assertThat(damaged.reason().category()).isEqualTo(ReasonCategory.DAMAGED);
        assertThat(damaged.reason().rawLabel()).isEqualTo("Artículo recibido dañado");
        assertThat(damaged.orderId()).isEqualTo("ORD-100-A");
        assertThat(damaged.skus()).containsExactly("LAMP-LED-01", "P-LAMP-LED-01");
        assertThat(damaged.buyerName()).isEqualTo("María García López");
        assertThat(damaged.productValue().amount()).isEqualByComparingTo("34.90");
        assertThat(damaged.productValue().currency()).isEqualTo("EUR");
        assertThat(damaged.messages()).extracting(m -> m.externalId()).containsExactly("m-1", "m-2");
        assertThat(damaged.status()).as("the shop wrote last, to the customer").isEqualTo(IncidentStatus.WAITING_FOR_BUYER);
        assertThat(damaged.rawPayload()).contains("a_field_mirakl_added_later");

        Incident headphones = incident("ORD-102-A-1");
        assertThat(headphones.reason().rawLabel()).as("label looked up in RE01").isEqualTo("Problema con el producto");
        assertThat(headphones.status()).isEqualTo(IncidentStatus.NEEDS_SELLER_ACTION);
        assertThat(headphones.respondBy()).as("M1: Saturday 13:00 Madrid skips the weekend; Monday 00:00 + 24h = Tuesday 00:00 CET")
                .isEqualTo(Instant.parse("2026-11-23T23:00:00Z"));

        Incident unknownReason = incident("ORD-103-A-1");
        assertThat(unknownReason.reason().category()).isEqualTo(ReasonCategory.OTHER);
        assertThat(unknownReason.reason().rawCode()).isEqualTo("99");

        assertThat(count("select count(*) from incident where account_id = ? and external_id = 'ORD-100-A-2'"))
                .as("a line without incident is not an incident").isZero();
        var quarantined = jdbc.sql("select record_ref, stage, error, convert_from(raw, 'UTF8') as raw from quarantine where account_id = ?")
                .param(ACCOUNT).query().listOfRows();
        assertThat(quarantined).hasSize(1);
        assertThat(quarantined.get(0).get("record_ref")).isEqualTo("order ORD-101-A");
        assertThat(quarantined.get(0).get("stage")).isEqualTo("normalize");
        assertThat((String) quarantined.get(0).get("error")).contains("not-a-number");
        assertThat((String) quarantined.get(0).get("raw")).contains("\"ORD-101-A\"");
        assertThat(states.find(ACCOUNT).orElseThrow().cursor()).contains("\"orders_since\":\"2026-11-22T07:45:00Z\"");
    }

    @Test
    @DisplayName("X2, X8: a record the database refuses (a NUL character in a name) fails its page at once; the page is then stored one by one, that record quarantined alone")
    void recordTheDatabaseRefusesIsQuarantinedAlone() {
        stubFirstPass();
        MIRAKL.stubFor(or11().withQueryParam("has_incident", equalTo("true")).withQueryParam("offset", equalTo("0"))
                .withQueryParam("start_update_date", absent())
                .willReturn(json(MiraklFake.fixture("orders-page-1.json").replace("\"firstname\": \"María\"", "\"firstname\": \"Mar\\u0000ía\""))));

        SyncReport report = sync.poll(account());

        assertThat(report.created()).as("the good orders of both pages").isEqualTo(2);
        assertThat(report.quarantined()).as("the NUL order, and the malformed one of the fixture").isEqualTo(2);
        assertThat(jdbc.sql("select stage from quarantine where account_id = ? and record_ref = 'order ORD-100-A'")
                .param(ACCOUNT).query(String.class).list()).containsExactly("store ORD-100-A-1");
        assertThat(count("select count(*) from incident where account_id = ? and external_id = 'ORD-100-A-1'")).isZero();
        incident("ORD-102-A-1");
        incident("ORD-103-A-1");
    }

    @Test
    @DisplayName("M2, X2: the next poll asks from the high-water mark; the overlap Mirakl returns again writes nothing")
    void overlapIsDeduplicated() {
        stubFirstPass();
        sync.poll(account());
        long timeline = count("select count(*) from timeline_event where incident_id in (select id from incident where account_id = ?)");
        long changes = count("select count(*) from change_event where incident_id in (select id from incident where account_id = ?)");
        MIRAKL.stubFor(or11().withQueryParam("start_update_date", equalTo("2026-11-22T07:45:00Z"))
                .willReturn(json(MiraklFake.fixture("orders-page-2.json").replace("\"total_count\": 4", "\"total_count\": 1"))));
        MIRAKL.stubFor(authorized(get(urlPathEqualTo("/api/inbox/threads"))).withQueryParam("updated_since", absent())
                .withQueryParam("with_messages", equalTo("true")).willReturn(jsonFixture("threads-orders.json")));
        MIRAKL.stubFor(authorized(get(urlPathEqualTo("/api/inbox/threads"))).withQueryParam("updated_since", equalTo(
                states.find(ACCOUNT).orElseThrow().cursor().replaceAll(".*\"threads_since\":\"([^\"]+)\".*", "$1")))
                .willReturn(jsonFixture("threads-empty.json")));
        MIRAKL.stubFor(or11().withQueryParam("order_ids", equalTo("ORD-100-A,ORD-102-A"))
                .willReturn(json(MiraklFake.fixture("orders-page-1.json").replace("\"not-a-number\"", "24.50"))));

        SyncReport report = sync.poll(account());

        assertThat(report.created()).isEqualTo(1).as("the follow-up read brings in the order that was malformed before");
        assertThat(report.updated()).isZero();
        assertThat(report.unchanged()).isEqualTo(3);
        assertThat(count("select count(*) from timeline_event where incident_id in (select id from incident where account_id = ?)"))
                .isEqualTo(timeline + 1);
        assertThat(count("select count(*) from change_event where incident_id in (select id from incident where account_id = ?)"))
                .isEqualTo(changes + 1);
    }

    @Test
    @DisplayName("M4, M7: an incident the operator closed leaves OR11's has_incident list; the follow-up read sees it closed")
    void followUpSeesClosedIncident() {
        stubFirstPass();
        sync.poll(account());
        Incident before = incident("ORD-100-A-1");
        MIRAKL.resetMappings();
        MiraklFake.reasons(MIRAKL);
        MIRAKL.stubFor(or11().withQueryParam("has_incident", equalTo("true")).willReturn(jsonFixture("orders-empty.json")));
        MIRAKL.stubFor(authorized(get(urlPathEqualTo("/api/inbox/threads"))).willReturn(jsonFixture("threads-empty.json")));
        MIRAKL.stubFor(or11().withQueryParam("order_ids", equalTo("ORD-100-A,ORD-102-A,ORD-103-A"))
                .willReturn(jsonFixture("orders-follow-up.json")));
        MiraklFake.threadsOfOrders(MIRAKL, "threads-orders.json");

        sync.poll(account());

        Incident after = incident("ORD-100-A-1");
        assertThat(after.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(after.rawStatus()).isEqualTo("RECEIVED");
        assertThat(after.reason()).as("the close reason does not replace the incident's reason").isEqualTo(before.reason());
        var events = jdbc.sql("select summary from timeline_event where incident_id = ? and type = 'CHANNEL_UPDATE'")
                .param(after.id()).query(String.class).list();
        assertThat(events).hasSize(1);
        assertThat(events.get(0)).contains("status: waiting for buyer → closed").contains("channel status: INCIDENT_OPEN → RECEIVED");
    }

    @Test
    @DisplayName("M2, M5: a thread longer than M11's window of 100 messages is read whole with M10")
    void longThreadReadWithM10() {
        MIRAKL.stubFor(or11().withQueryParam("has_incident", equalTo("true")).willReturn(
                json(MiraklFake.fixture("orders-page-2.json").replace("\"total_count\": 4", "\"total_count\": 1"))));
        String listed = "{\"id\":\"thr-9\",\"entities\":[{\"id\":\"ORD-103-A\",\"type\":\"MMP_ORDER\"}],"
                + "\"metadata\":{\"total_count\":101},\"messages\":[{\"id\":\"m-101\",\"body\":\"last\","
                + "\"date_created\":\"2026-11-22T08:00:00Z\",\"from\":{\"type\":\"CUSTOMER_USER\"},\"to\":[{\"type\":\"SHOP\"}]}]}";
        MIRAKL.stubFor(authorized(get(urlPathEqualTo("/api/inbox/threads"))).withQueryParam("with_messages", equalTo("true"))
                .willReturn(json("{\"data\":[" + listed + "],\"next_page_token\":null}")));
        MIRAKL.stubFor(authorized(get(urlPathEqualTo("/api/inbox/threads/thr-9"))).willReturn(json(
                listed.replace("\"messages\":[", "\"messages\":[{\"id\":\"m-1\",\"body\":\"first\",\"date_created\":"
                        + "\"2026-11-01T08:00:00Z\",\"from\":{\"type\":\"CUSTOMER_USER\"},\"to\":[{\"type\":\"SHOP\"}]},"))));

        sync.poll(account());

        assertThat(incident("ORD-103-A-1").messages()).extracting(m -> m.externalId()).containsExactly("m-1", "m-101");
    }

    @Test
    @DisplayName("X1: a key without inbox rights (M11 refused) still syncs the incidents, without their messages")
    void threadsRefused() {
        MIRAKL.stubFor(or11().withQueryParam("has_incident", equalTo("true")).willReturn(
                json(MiraklFake.fixture("orders-page-2.json").replace("\"total_count\": 4", "\"total_count\": 1"))));
        MIRAKL.stubFor(authorized(get(urlPathEqualTo("/api/inbox/threads"))).willReturn(aResponse().withStatus(403)
                .withBody("{\"status\":403,\"message\":\"Forbidden\"}")));

        SyncReport report = sync.poll(account());

        assertThat(report.created()).isEqualTo(1);
        assertThat(incident("ORD-103-A-1").messages()).isEmpty();
    }

    @Test
    @DisplayName("X1: a 500 fails the poll with the channel's message, keeps the cursor, and the next poll recovers")
    void serverErrorThenRecovery() {
        MIRAKL.stubFor(or11().willReturn(aResponse().withStatus(500).withBody("{\"status\":500,\"message\":\"Internal error\"}")));

        assertThatThrownBy(() -> sync.poll(account())).isInstanceOf(ChannelUnavailableException.class)
                .hasMessageContaining("HTTP 500 Internal error");
        var failed = states.find(ACCOUNT).orElseThrow();
        assertThat(failed.lastError()).contains("HTTP 500");
        assertThat(failed.cursor()).isNull();
        assertThat(count("select count(*) from incident where account_id = ?")).isZero();

        MIRAKL.resetMappings();
        MiraklFake.reasons(MIRAKL);
        stubFirstPass();
        sync.poll(account());
        assertThat(states.find(ACCOUNT).orElseThrow().lastError()).isNull();
        assertThat(count("select count(*) from incident where account_id = ?")).isEqualTo(3);
    }

    @Test
    @DisplayName("X1: a wrong shop key is reported as Mirakl's 401, and the key itself never appears in the error")
    void unauthorized() {
        MIRAKL.stubFor(get(urlPathEqualTo("/api/orders")).willReturn(aResponse().withStatus(401)
                .withBody("{\"status\":401,\"message\":\"Unauthorized\"}")));
        MIRAKL.stubFor(or11().willReturn(aResponse().withStatus(401).withBody("{\"status\":401,\"message\":\"Unauthorized\"}")));

        assertThatThrownBy(() -> sync.poll(account())).isInstanceOf(ChannelRejectedException.class)
                .hasMessageContaining("HTTP 401 Unauthorized");
        assertThat(states.find(ACCOUNT).orElseThrow().lastError()).doesNotContain(API_KEY);
    }

    @Test
    @DisplayName("X1: an OR11 answer that is not JSON fails the poll without storing anything")
    void malformedPage() {
        MIRAKL.stubFor(or11().willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"orders\": [ {\"order_id\": ")));

        assertThatThrownBy(() -> sync.poll(account())).isInstanceOf(ChannelProtocolException.class)
                .hasMessageContaining("OR11");
        assertThat(count("select count(*) from incident where account_id = ?")).isZero();
    }

    @Test
    @DisplayName("X1: while another instance holds the account's lock, this one does not poll it")
    void oneInstancePollsAnAccount() throws Exception {
        stubFirstPass();
        DefaultLockRepository otherRepository = new DefaultLockRepository(dataSource, java.util.UUID.randomUUID().toString());
        otherRepository.setApplicationContext(context);
        otherRepository.afterSingletonsInstantiated();
        otherRepository.afterPropertiesSet();
        JdbcLockRegistry otherInstance = new JdbcLockRegistry(otherRepository);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
            Lock lock = otherInstance.obtain("sync:" + ACCOUNT);
            lock.lock();
            try {
                held.countDown();
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                lock.unlock();
            }
        });
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

        SyncReport skipped = sync.poll(account());

        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        assertThat(skipped.ran()).isFalse();
        MIRAKL.verify(0, getRequestedFor(urlPathEqualTo("/api/orders")));
        assertThat(sync.poll(account()).ran()).isTrue();
        assertThat(List.of(count("select count(*) from incident where account_id = ?"))).containsExactly(3L);
    }
}
