package com.disputehub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.disputehub.support.Api;
import com.disputehub.support.IntegrationTest;
import com.disputehub.support.MiraklOrders;
import com.disputehub.support.MiraklOrders.Order;

import tools.jackson.databind.JsonNode;

/** Saved replies through the API (DOMAIN X9): checked where they enter, unique by name, rendered for one incident. */
class ReplyTemplatesApiTest extends IntegrationTest {

    static final String DAMAGED = """
            {"name": "Damaged (test)", "type": "SEND_MESSAGE", "texts": {
              "es": {"body": "Hola {buyerName}, sentimos lo de {productTitle} (pedido {orderId})."},
              "en": {"body": "Hello {buyerName}, sorry about {productTitle}.", "subject": "Order {orderId}"}}}
            """;
    Api api;

    @BeforeEach
    void clean() {
        api = new Api(port);
        jdbc.sql("delete from reply_template").update();
    }

    @Test
    @DisplayName("X9: a template is saved, listed by decision and channel, rendered in the buyer's language with the incident's values, changed and deleted")
    void lifecycle() {
        MiraklOrders.serve(MIRAKL, List.of(Order.damagedLamp(7, Instant.now().minus(Duration.ofHours(1)))), List.of());
        sync.poll(accounts.find(ACCOUNT).orElseThrow());
        UUID incident = jdbc.sql("select id from incident where account_id = ? and external_id = 'LMP-007-A-1'").param(ACCOUNT)
                .query(UUID.class).single();

        Api.Answer created = api.post("/api/templates", DAMAGED);
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asString();
        assertThat(created.headers().get("location")).containsExactly("/api/templates/" + id);
        assertThat(api.get("/api/templates?type=SEND_MESSAGE&channel=mirakl").body()).hasSize(1);
        assertThat(api.get("/api/templates?type=REFUND").body()).isEmpty();

        JsonNode rendered = api.get("/api/templates/" + id + "/render?incident=" + incident).body();
        assertThat(rendered.get("language").asString()).as("the account's locale es_ES").isEqualTo("es");
        assertThat(rendered.at("/texts/body").asString())
                .isEqualTo("Hola Cliente Número 7, sentimos lo de Lámpara de mesa 7 (pedido LMP-007-A).");

        Api.Answer changed = api.put("/api/templates/" + id, DAMAGED.replace("Damaged (test)", "Damaged, renamed")
                .replace("\"type\": \"SEND_MESSAGE\"", "\"type\": \"SEND_MESSAGE\", \"channel\": \"aliexpress\""));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("channel").asString()).isEqualTo("aliexpress");
        assertThat(api.get("/api/templates?channel=mirakl").body()).as("now for AliExpress only").isEmpty();

        assertThat(api.delete("/api/templates/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/templates/" + id).status()).isEqualTo(404);
        assertThat(api.delete("/api/templates/" + id).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("X9: a template with an unknown placeholder, a field its decision lacks, a bad language, no text or a taken name is refused, nothing saved")
    void refused() {
        assertThat(api.post("/api/templates", DAMAGED).status()).isEqualTo(201);
        Api.Answer taken = api.post("/api/templates", DAMAGED.replace("Damaged (test)", "DAMAGED (TEST)"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body().get("detail").asString()).contains("exists already");

        assertThat(detail(DAMAGED.replace("Damaged (test)", "x").replace("{orderId}", "{trackingCode}")))
                .contains("{trackingCode}", "{buyerName}");
        assertThat(detail("{\"name\": \"x\", \"type\": \"REFUND\", \"texts\": {\"es\": {\"amount\": \"10\"}}}"))
                .contains("'texts.es.amount'", "REFUND");
        assertThat(detail("{\"name\": \"x\", \"type\": \"SEND_MESSAGE\", \"texts\": {\"spanish\": {\"body\": \"hola\"}}}"))
                .contains("two-letter language");
        assertThat(detail("{\"name\": \"x\", \"type\": \"SEND_MESSAGE\", \"texts\": {\"es\": {\"body\": \" \"}}}"))
                .contains("at least one text");
        assertThat(detail("{\"name\": \"x\", \"type\": \"EXPLODE\", \"texts\": {\"es\": {\"body\": \"hola\"}}}"))
                .contains("'type' cannot be 'EXPLODE'");
        assertThat(detail("{\"name\": \"x\", \"type\": \"SEND_MESSAGE\", \"channel\": \"nowhere\", \"texts\": {\"es\": {\"body\": \"hola\"}}}"))
                .contains("'channel' cannot be 'nowhere'");
        assertThat(detail("{\"name\": \"" + "n".repeat(101) + "\", \"type\": \"SEND_MESSAGE\", \"texts\": {\"es\": {\"body\": \"hola\"}}}"))
                .contains("'name'");
        assertThat(api.get("/api/templates").body()).hasSize(1);
    }

    private String detail(String body) {
        Api.Answer answer = api.post("/api/templates", body);
        assertThat(answer.status()).as(body).isEqualTo(400);
        return answer.body().get("detail").asString();
    }
}
