package com.disputehub.web;

import static com.disputehub.support.MiraklFake.authorized;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.disputehub.support.Api;
import com.disputehub.support.IntegrationTest;
import com.disputehub.support.MiraklOrders;
import com.disputehub.support.MiraklOrders.Order;

/** The accounts page (DOMAIN X9): each account's sync as a person reads it, not raw JSON. */
class AccountsPageTest extends IntegrationTest {

    /** The row of one account on the page. */
    static String row(String page, String account) {
        int start = page.indexOf("data-account=\"" + account + "\"");
        assertThat(start).as("a row for " + account).isPositive();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    @Test
    @DisplayName("X9: the accounts page shows a working account with what it stored, a failing one with its error, in the person's language")
    void accountsPage() {
        MiraklOrders.serve(MIRAKL, List.of(Order.damagedLamp(1, Instant.now().minus(Duration.ofHours(1)))), List.of());
        sync.poll(accounts.find(ACCOUNT).orElseThrow());
        MIRAKL.stubFor(authorized(get(urlPathEqualTo("/rl/api/orders"))).willReturn(aResponse().withStatus(500)));
        try {
            sync.poll(accounts.find("rl-mirakl").orElseThrow());
        } catch (RuntimeException expected) {
            // the poll fails; its error is what the page shows
        }

        Api admin = new Api(port).signInAsAdmin();
        String page = admin.page("/inbox/accounts?lang=en");
        assertThat(row(page, ACCOUNT)).contains("data-health=\"ok\"", ">working<", ">1<", "href=\"/inbox?account=" + ACCOUNT + "\"")
                .as("Mirakl takes a fixed key: nothing to reconnect").doesNotContain("name=\"refreshToken\"");
        assertThat(row(page, "rl-mirakl")).contains("data-health=\"failing\"", ">failing<", "500");
        assertThat(admin.page("/inbox/accounts?lang=es")).contains(">Sincronización<", ">falla<");
    }
}
