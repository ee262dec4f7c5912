package com.disputehub.channel.mirakl;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ChannelOutcomeUnknownException;
import com.disputehub.channel.ChannelUnavailableException;
import com.disputehub.channel.mirakl.model.MiraklReason;
import com.disputehub.channel.support.ChannelHttp;
import com.disputehub.support.MiraklFake;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

/** The wire client alone: headers, query parameters, and how HTTP failures are reported. */
class MiraklClientTest {

    WireMockServer fake = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    MiraklClient client;
    ChannelAccount account;

    @BeforeEach
    void start() {
        fake.start();
        client = new MiraklClient(new ChannelHttp(Duration.ofSeconds(2), Duration.ofMillis(500), 10, 10));
        account = new ChannelAccount("wire", "mirakl", URI.create(fake.baseUrl()), Duration.ofMinutes(5), false,
                Map.of("api-key", "raw-key-1"), Map.of("shop-id", "77"));
    }

    @AfterEach
    void stop() {
        fake.stop();
    }

    @Test
    @DisplayName("M1: RE01 is read per locale, with the raw shop key in Authorization (no Bearer) and the shop id")
    void reasonsPerLocale() {
        fake.stubFor(get(urlPathEqualTo("/api/reasons")).willReturn(MiraklFake.jsonFixture("reasons.json")));

        assertThat(client.reasons(account, "es_ES")).extracting(MiraklReason::code).contains("1", "20", "10");

        fake.verify(getRequestedFor(urlPathEqualTo("/api/reasons")).withQueryParam("locale", equalTo("es_ES"))
                .withQueryParam("shop_id", equalTo("77")).withHeader("Authorization", equalTo("raw-key-1")));
    }

    @Test
    @DisplayName("X4: a 429 with Retry-After is transient and carries the wait the channel asked for")
    void tooManyRequests() {
        fake.stubFor(get(urlPathEqualTo("/api/orders")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));

        assertThatThrownBy(() -> client.listOrders(account, Map.of()))
                .isInstanceOfSatisfying(ChannelUnavailableException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
    }

    @Test
    @DisplayName("X4: a write whose answer never comes is an unknown outcome, not a failure to retry blindly")
    void writeTimeoutIsUnknown() {
        fake.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(urlPathEqualTo("/api/orders/refund"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(2000)));

        assertThatThrownBy(() -> client.refund(account, Map.of("refunds", java.util.List.of())))
                .isInstanceOf(ChannelOutcomeUnknownException.class).hasMessageContaining("OR28");
    }

    @Test
    @DisplayName("X4: a reset connection on a read is transient")
    void connectionReset() {
        fake.stubFor(get(urlPathEqualTo("/api/orders")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> client.listOrders(account, Map.of())).isInstanceOf(ChannelUnavailableException.class);
    }

    @Test
    @DisplayName("X1: a channel that cannot be reached is named in the error, and the key is not")
    void unreachable() {
        ChannelAccount nowhere = new ChannelAccount("wire", "mirakl", URI.create("http://127.0.0.1:9"), Duration.ofMinutes(5),
                false, Map.of("api-key", "raw-key-1"), Map.of());

        assertThatThrownBy(() -> client.listOrders(nowhere, Map.of("max", "1")))
                .isInstanceOf(ChannelUnavailableException.class)
                .hasMessageContaining("OR11 list orders: HttpHostConnectException")
                .hasMessageContaining("Connection refused")
                .hasMessageContaining("GET http://127.0.0.1:9/api/orders")
                .hasMessageNotContaining("raw-key-1");
    }
}
