package com.disputehub.sync;

import static com.disputehub.support.MiraklFake.authorized;
import static com.disputehub.support.MiraklFake.json;
import static com.disputehub.support.MiraklFake.jsonFixture;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;

import com.disputehub.DisputeHubApplication;
import com.disputehub.channel.runtime.ChannelAccounts;
import com.disputehub.support.IntegrationTest;
import com.disputehub.support.MiraklFake;

/** The sync flow that polls the accounts, and a restart that resumes from the stored cursor. */
class SyncFlowsTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    SyncStates states;

    void stubOnePage() {
        MIRAKL.stubFor(authorized(get(urlPathEqualTo("/api/orders"))).withQueryParam("start_update_date", absent())
                .willReturn(json(MiraklFake.fixture("orders-page-2.json").replace("\"total_count\": 4", "\"total_count\": 1"))));
        MIRAKL.stubFor(authorized(get(urlPathEqualTo("/api/orders"))).withQueryParam("start_update_date", equalTo("2026-11-22T07:45:00Z"))
                .willReturn(jsonFixture("orders-empty.json")));
        MiraklFake.threadsOfOrders(MIRAKL, "threads-empty.json");
        MIRAKL.stubFor(authorized(get(urlPathEqualTo("/api/inbox/threads"))).withQueryParam("with_messages", absent())
                .willReturn(jsonFixture("threads-empty.json")));
    }

    @Test
    @DisplayName("X1: the sync flow polls every configured account once started, on a worker of its bounded pool")
    void flowPollsEachAccount() {
        stubOnePage();
        Lifecycle poller = context.getBean(SyncFlows.POLLER, Lifecycle.class);
        assertThat(poller.isRunning()).as("not started in tests: disputehub.sync.auto-startup=false").isFalse();

        poller.start();
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> states.find(ACCOUNT).map(s -> s.lastSuccess() != null).orElse(false));
        } finally {
            poller.stop();
        }
        assertThat(jdbc.sql("select count(*) from incident where account_id = ?").param(ACCOUNT).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @DisplayName("X1: after a restart, sync resumes from the cursor stored before it")
    void restartResumes() {
        stubOnePage();
        String[] args = {"--server.port=0", "--disputehub.sync.auto-startup=false", "--disputehub.dispatch.auto-startup=false",
                "--spring.main.banner-mode=off",
                "--disputehub.accounts." + ACCOUNT + ".channel=mirakl",
                "--disputehub.accounts." + ACCOUNT + ".base-url=" + MIRAKL.baseUrl(),
                "--disputehub.accounts." + ACCOUNT + ".credentials.api-key=" + API_KEY,
                "--disputehub.accounts." + ACCOUNT + ".options.shop-id=2001"};

        try (ConfigurableApplicationContext first = new SpringApplicationBuilder(DisputeHubApplication.class).run(args)) {
            first.getBean(AccountSync.class).poll(first.getBean(ChannelAccounts.class).find(ACCOUNT).orElseThrow());
        }
        MIRAKL.resetRequests();
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(DisputeHubApplication.class).run(args)) {
            second.getBean(AccountSync.class).poll(second.getBean(ChannelAccounts.class).find(ACCOUNT).orElseThrow());
        }

        MIRAKL.verify(getRequestedFor(urlPathEqualTo("/api/orders")).withQueryParam("start_update_date", equalTo("2026-11-22T07:45:00Z")));
        MIRAKL.verify(0, getRequestedFor(urlPathEqualTo("/api/orders")).withQueryParam("has_incident", equalTo("true"))
                .withQueryParam("start_update_date", absent()));
        assertThat(states.find(ACCOUNT).orElseThrow().polls()).isEqualTo(2);
    }
}
