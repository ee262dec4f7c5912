package com.disputehub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.disputehub.support.Api;
import com.disputehub.support.IntegrationTest;

/** Bad input is a clear 4xx problem where it enters, never a 500, and nothing of it is saved. */
class BadInputApiTest extends IntegrationTest {

    Api api;
    UUID incident;

    @BeforeEach
    void incident() {
        api = new Api(port);
        incident = syncFixtureOrders(ACCOUNT, "");
    }

    Api.Answer detailedRefund(String amount) {
        return api.post("/api/incidents/" + incident + "/decisions", "{\"type\":\"REFUND\",\"mode\":\"DETAILED\",\"reasonCode\":\"20\","
                + "\"quantity\":1,\"amount\":" + amount + ",\"shippingAmount\":0}");
    }

    long decisionCount() {
        return jdbc.sql("select count(*) from decision where incident_id = ?").param(incident).query(Long.class).single();
    }

    @Test
    @DisplayName("M6, X4: amounts with exponents, too large, or below one minor unit of the order's currency are refused, nothing saved")
    void money() {
        for (String bad : new String[] {"1e-999999999", "1E131072", "1e-400", "\"12,5,0\"", "1234567890123.5"}) {
            Api.Answer answer = detailedRefund(bad);
            assertThat(answer.status()).as(bad + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.body().get("detail").asString()).contains("'amount' must be an amount such as 25 or 19.90");
        }
        Api.Answer tooFine = detailedRefund("0.001");
        assertThat(tooFine.status()).isEqualTo(422);
        assertThat(tooFine.body().toString()).contains("'amount' is 0.001 but EUR has 2 decimals");
        assertThat(detailedRefund("\"10.50\"").status()).as("a string amount is read the same way").isEqualTo(202);
        assertThat(decisionCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("M2: an amount filter with an exponent is a 400, not a filter that selects everything")
    void amountFilter() {
        Api.Answer answer = api.get("/api/incidents?amountMin=1E131072");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("detail").asString()).contains("'amountMin' must be an amount");
        assertThat(api.get("/api/incidents?amountMin=10.5").status()).isEqualTo(200);
    }
}
