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

    static void isProblem(Api.Answer answer, int status) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
        assertThat(answer.headers().get("content-type").get(0)).startsWith("application/problem+json");
        assertThat(answer.body().get("status").asInt()).isEqualTo(status);
        assertThat(answer.body().toString()).as("no Java names").doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z]")
                .doesNotContain("Exception").doesNotContain("java.");
    }

    @Test
    @DisplayName("X5: every error is an RFC 9457 problem: unknown path, wrong method, wrong media type, missing parameter, unknown channel or account")
    void everyErrorIsAProblem() {
        isProblem(api.get("/api/nothing-here"), 404);
        isProblem(api.delete("/api/incidents"), 405);
        isProblem(api.post("/api/incidents/" + incident + "/decisions", "{}", "Content-Type", "text/plain"), 415);
        isProblem(api.get("/api/decisions"), 400);
        Api.Answer channel = api.get("/api/incidents?channel=kaufland");
        isProblem(channel, 400);
        assertThat(channel.body().get("detail").asString()).contains("'channel' cannot be 'kaufland'").contains("mirakl");
        isProblem(api.get("/api/incidents?account=nobody"), 400);
        assertThat(api.get("/api/incidents?account=" + ACCOUNT).status()).isEqualTo(200);
        Api.Answer badEnum = api.post("/api/incidents/" + incident + "/decisions", "{\"type\":\"REFUND\",\"mode\":\"HALF\"}");
        isProblem(badEnum, 400);
        assertThat(badEnum.body().get("detail").asString()).contains("HALF").contains("TOTAL");
    }

    @Test
    @DisplayName("X5: NUL characters, over-long texts, huge bodies and out-of-range page tokens are 4xx problems, nothing saved")
    void boundedInput() {
        isProblem(api.post("/api/incidents/" + incident + "/notes", "{\"body\":\"a\\u0000b\"}"), 400);
        isProblem(api.get("/api/incidents?text=lamp%00"), 400);
        isProblem(api.post("/api/incidents/" + incident + "/notes", "{\"body\":\"" + "x".repeat(10_001) + "\"}"), 400);
        isProblem(api.post("/api/incidents/" + incident + "/notes", "{\"body\":\"" + "z".repeat(21 * 1024 * 1024) + "\"}"), 413);
        isProblem(api.post("/api/incidents/" + incident + "/decisions", RESOLVE_WITH_SUBJECT.formatted("s".repeat(201))), 422);
        String farFuture = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("RECENT|+300000-01-01T00:00:00Z|" + UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        isProblem(api.get("/api/incidents?after=" + farFuture), 400);

        assertThat(jdbc.sql("select count(*) from incident_note where incident_id = ?").param(incident).query(Long.class).single()).isZero();
        assertThat(decisionCount()).isZero();
        assertThat(api.post("/api/incidents/" + incident + "/notes", "{\"body\":\"línea 1\\nlínea 2\"}").status()).isEqualTo(201);
    }

    @Test
    @DisplayName("X3: a page's 'back' address a redirect cannot carry is a 400 before the change is made, not a 500 after")
    void unsafeBack() {
        api.signInAsAdmin();
        long groups = jdbc.sql("select count(*) from incident_group").query(Long.class).single();
        Api.Answer answer = api.form("/inbox/selection/group", java.util.Map.of("ids", incident.toString(), "newGroup", "Vuelta",
                "back", "/inbox?x=1\r\nSet-Cookie: a=b"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from incident_group").query(Long.class).single()).as("nothing saved").isEqualTo(groups);
        assertThat(api.form("/inbox/selection/group", java.util.Map.of("ids", incident.toString(), "newGroup", "Vuelta",
                "back", "/inbox?tab=waiting")).status()).isEqualTo(302);
    }

    static final String RESOLVE_WITH_SUBJECT = "{\"type\":\"SEND_MESSAGE\",\"to\":\"BUYER\",\"body\":\"Hola\",\"subject\":\"%s\"}";
}
