package com.disputehub.sandbox.aliexpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.disputehub.channel.shared.aliexpress.AliExpressSigner;
import com.disputehub.support.SandboxTest;

import tools.jackson.databind.JsonNode;

/** The AliExpress demo account against the built-in, signature-checking simulator (DOMAIN A1..A5). */
class AliExpressSandboxEndToEndTest extends SandboxTest {

    static final String DEMO = "demo-aliexpress-br";
    static final String PNG = Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0});

    @Autowired
    AeSimWorld world;

    @BeforeEach
    void firstSync() {
        poll(DEMO);
    }

    JsonNode waitingForSeller() {
        JsonNode items = api.get("/api/incidents?account=" + DEMO + "&status=NEEDS_SELLER_ACTION&limit=200").body().get("items");
        assertThat(items.size()).isPositive();
        return items.get(0);
    }

    /** Posts a signed call to the simulator as any client would, optionally changing a parameter after signing. */
    static String call(Map<String, String> params, String tamperedIssueId) throws Exception {
        Map<String, String> signed = new TreeMap<>(params);
        signed.put("app_key", "sandbox-app");
        signed.put("access_token", "sandbox-seller-token");
        signed.put("sign_method", "sha256");
        signed.put("timestamp", String.valueOf(System.currentTimeMillis()));
        signed.put("sign", AliExpressSigner.sign("sandbox-app-secret", signed));
        if (tamperedIssueId != null) {
            signed.put("issue_id", tamperedIssueId);
        }
        String form = signed.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/sandbox/aliexpress/sync"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    @DisplayName("A1, A2: the demo store's disputes arrive normalized, causes in Portuguese and English, without credentials")
    void disputesFlow() {
        assertThat(jdbc.sql("select count(*) from incident where account_id = ?").param(DEMO).query(Long.class).single())
                .isGreaterThanOrEqualTo(24);
        assertThat(jdbc.sql("select count(*) from incident where account_id = ? and reason = 'OTHER'").param(DEMO).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from incident where account_id = ? and raw_reason_label like 'Mercadoria%'").param(DEMO)
                .query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from quarantine where account_id = ?").param(DEMO).query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("A1: the simulator accepts a correctly signed call and rejects the same call tampered with")
    void tamperedRequestIsRejected() throws Exception {
        AeSimWorld.Dispute d = world.all().get(0);
        Map<String, String> params = Map.of("method", "aliexpress.issue.detail.get", "issue_id", String.valueOf(d.id),
                "buyer_login_id", d.buyer);

        assertThat(call(params, null)).contains("aliexpress_issue_detail_get_response").contains(d.productName);
        assertThat(call(params, String.valueOf(d.id + 1))).contains("\"code\":\"IncompleteSignature\"")
                .doesNotContain("result_object");
    }

    @Test
    @DisplayName("A5: agreeing reaches the simulated store, and the next sync shows the dispute finished")
    void agree() {
        String id = waitingForSeller().get("id").asString();

        assertThat(decisions.decide(id, "{\"type\":\"AGREE\"}").get("state").asString()).isEqualTo("SENT");
        assertThat(decisions.status(id)).isEqualTo("DECISION_SENT");

        poll(DEMO);
        assertThat(decisions.status(id)).isEqualTo("CLOSED");
    }

    @Test
    @DisplayName("A5: a refusal with an image becomes the seller's counter-solution; the next sync waits for the buyer")
    void refuse() {
        JsonNode incident = waitingForSeller();
        String id = incident.get("id").asString();
        AeSimWorld.Dispute d = world.find(Long.parseLong(incident.get("externalId").asString())).orElseThrow();

        JsonNode decision = decisions.decide(id, """
                {"type":"REFUSE","sellerEmail":"loja@exemplo.com.br","reason":"Entregue conforme o anúncio",
                 "evidence":[{"fileName":"prova.png","contentBase64":"%s"}]}""".formatted(PNG));

        assertThat(decision.get("state").asString()).as(decision.toString()).isEqualTo("SENT");
        assertThat(d.uploadedImages).hasSize(1);
        assertThat(d.sellerSolutions).extracting(s -> s.content).containsExactly("Entregue conforme o anúncio");
        poll(DEMO);
        assertThat(decisions.status(id)).isEqualTo("WAITING_FOR_BUYER");
    }

    @Test
    @DisplayName("A4: delivery fixed is RECORDED here, sends nothing, and the dispute stays visible, waiting for AliExpress")
    void deliveryFixed() {
        JsonNode incident = waitingForSeller();
        String id = incident.get("id").asString();
        AeSimWorld.Dispute d = world.find(Long.parseLong(incident.get("externalId").asString())).orElseThrow();
        var modifiedBefore = d.modified;

        assertThat(decisions.decide(id, "{\"type\":\"MARK_DELIVERY_FIXED\"}").get("state").asString()).isEqualTo("RECORDED");

        assertThat(decisions.status(id)).as("the platform still holds the dispute").isEqualTo("WAITING_FOR_PLATFORM");
        assertThat(d.modified).isEqualTo(modifiedBefore);
        assertThat(d.status).isEqualTo("processing");
    }
}
