package com.disputehub.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;


import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** Stubs of the Mirakl seller API on a WireMock server, answering the JSON fixtures of {@code src/test/resources/mirakl}. */
public final class MiraklFake {

    private MiraklFake() {
    }

    public static String fixture(String name) {
        return Fixtures.text("mirakl/" + name);
    }

    public static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    public static ResponseDefinitionBuilder jsonFixture(String name) {
        return json(fixture(name));
    }

    /** RE01 answers the operator's reasons, only with the shop key. */
    public static void reasons(WireMockServer server) {
        reasons(server, "");
    }

    /** RE01 of an account whose calls live under {@code pathPrefix} on the fake. */
    public static void reasons(WireMockServer server, String pathPrefix) {
        server.stubFor(authorized(get(urlPathEqualTo(pathPrefix + "/api/reasons"))).willReturn(jsonFixture("reasons.json")));
    }

    /** Threads of orders: every M11 call by entity answers the fixture threads. */
    public static void threadsOfOrders(WireMockServer server, String fixture) {
        server.stubFor(authorized(get(urlPathEqualTo("/api/inbox/threads")))
                .withQueryParam("with_messages", equalTo("true"))
                .willReturn(jsonFixture(fixture)));
    }

    public static MappingBuilder authorized(MappingBuilder mapping) {
        return mapping.withHeader("Authorization", equalTo(IntegrationTest.API_KEY));
    }
}
