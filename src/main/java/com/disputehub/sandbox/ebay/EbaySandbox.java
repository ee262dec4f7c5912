package com.disputehub.sandbox.ebay;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The eBay simulator, while the sandbox is on: the OAuth refresh-token grant ({@code /identity/v1/oauth2/token})
 * and the Post-Order v2 calls the connector makes, under {@code /sandbox/ebay}. It checks what eBay checks: the
 * client's Basic credentials and refresh token, the {@code IAF} user token it issued, the marketplace header.
 */
@Configuration
@ConditionalOnProperty(name = "disputehub.sandbox.enabled", havingValue = "true")
class EbaySandbox {

    /** {@code disputehub.sandbox.ebay.*}: the app's credentials, the seller's refresh token, how often disputes move. */
    @ConfigurationProperties("disputehub.sandbox.ebay")
    record Properties(@DefaultValue("sandbox-ebay-app") String clientId, @DefaultValue("sandbox-ebay-cert") String clientSecret,
                      @DefaultValue("sandbox-ebay-refresh-token") String refreshToken, @DefaultValue("30s") Duration tick,
                      @DefaultValue("2h") Duration tokenLifetime, @DefaultValue("7") long seed, @DefaultValue("12") int initialDisputes) {
    }

    @Bean
    EbSimWorld ebaySandboxWorld(Clock clock, Properties properties) {
        return new EbSimWorld(clock, properties.seed(), properties.initialDisputes());
    }

    @EventListener(ApplicationReadyEvent.class)
    void startTicking(ApplicationReadyEvent event) {
        Properties properties = event.getApplicationContext().getBean(Properties.class);
        if (!properties.tick().isZero()) {
            EbSimWorld world = event.getApplicationContext().getBean(EbSimWorld.class);
            event.getApplicationContext().getBean(TaskScheduler.class).scheduleWithFixedDelay(world::tick, properties.tick());
        }
    }

    @RestController
    @ConditionalOnProperty(name = "disputehub.sandbox.enabled", havingValue = "true")
    static class Endpoint {

        private static final String ROOT = "/sandbox/ebay/post-order/v2";
        private static final Map<String, String> KINDS = Map.of("inquiry", EbSimWorld.INQUIRY, "return", EbSimWorld.RETURN,
                "casemanagement", EbSimWorld.CASE);

        private final EbSimWorld world;
        private final Properties properties;
        private final Clock clock;
        private final AtomicReference<String> accessToken = new AtomicReference<>();
        private final AtomicReference<Instant> expiresAt = new AtomicReference<>(Instant.EPOCH);
        private final AtomicInteger issued = new AtomicInteger();

        Endpoint(EbSimWorld world, Properties properties, Clock clock) {
            this.world = world;
            this.properties = properties;
            this.clock = clock;
        }

        @PostMapping(path = "/sandbox/ebay/identity/v1/oauth2/token", produces = MediaType.APPLICATION_JSON_VALUE)
        ResponseEntity<String> token(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                     @RequestParam MultiValueMap<String, String> form) {
            String basic = "Basic " + Base64.getEncoder().encodeToString((properties.clientId() + ":" + properties.clientSecret())
                    .getBytes(StandardCharsets.UTF_8));
            if (!basic.equals(authorization)) {
                return oauthError(401, "invalid_client", "client authentication failed");
            }
            if (!"refresh_token".equals(form.getFirst("grant_type"))) {
                return oauthError(400, "unsupported_grant_type", "the sandbox grants refresh_token only");
            }
            if (!properties.refreshToken().equals(form.getFirst("refresh_token"))) {
                return oauthError(400, "invalid_grant", "the provided authorization refresh token is invalid or was issued to another client");
            }
            String token = "v^1.1#i^1#sandbox-user-token-" + issued.incrementAndGet();
            accessToken.set(token);
            expiresAt.set(clock.instant().plus(properties.tokenLifetime()));
            return ResponseEntity.ok(EbSimJson.JSON.writeValueAsString(Map.of("access_token", token,
                    "expires_in", properties.tokenLifetime().toSeconds(), "token_type", "User Access Token")));
        }

        @GetMapping(path = ROOT + "/{kind}/search", produces = MediaType.APPLICATION_JSON_VALUE)
        ResponseEntity<String> search(@RequestHeader HttpHeaders headers, @PathVariable String kind,
                                      @RequestParam Map<String, String> query) {
            ResponseEntity<String> refused = refused(headers, kind);
            if (refused != null) {
                return refused;
            }
            int limit = Math.min(200, Integer.parseInt(query.getOrDefault("limit", "25")));
            int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
            Instant from = query.entrySet().stream().filter(e -> e.getKey().endsWith("creation_date_range_from")).map(e -> Instant.parse(e.getValue()))
                    .findFirst().orElse(Instant.EPOCH);
            List<EbSimWorld.Dispute> all = world.of(KINDS.get(kind), from);
            List<ObjectNode> page = all.stream().skip(offset).limit(limit).map(EbSimJson::summary).toList();
            return ResponseEntity.ok(EbSimJson.JSON.writeValueAsString(EbSimJson.page(page, offset, limit, all.size())));
        }

        @GetMapping(path = ROOT + "/{kind}/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
        ResponseEntity<String> detail(@RequestHeader HttpHeaders headers, @PathVariable String kind, @PathVariable String id,
                                      @RequestParam(name = "fieldgroups", defaultValue = "FULL") String fieldgroups) {
            ResponseEntity<String> refused = refused(headers, kind);
            if (refused != null) {
                return refused;
            }
            return world.find(KINDS.get(kind), id).map(d -> ResponseEntity.ok(EbSimJson.JSON.writeValueAsString(EbSimJson.detail(d, "SUMMARY".equals(fieldgroups)))))
                    .orElseGet(() -> error(404, 1602, "The " + kind + " ID " + id + " is invalid."));
        }

        @PostMapping(path = ROOT + "/{kind}/{id}/{action}", produces = MediaType.APPLICATION_JSON_VALUE)
        ResponseEntity<String> act(@RequestHeader HttpHeaders headers, @PathVariable String kind, @PathVariable String id,
                                   @PathVariable String action, @RequestBody(required = false) String body) {
            ResponseEntity<String> refused = refused(headers, kind);
            if (refused != null) {
                return refused;
            }
            EbSimWorld.Dispute d = world.find(KINDS.get(kind), id).orElse(null);
            if (d == null) {
                return error(404, 1602, "The " + kind + " ID " + id + " is invalid.");
            }
            JsonNode request = body == null || body.isBlank() ? EbSimJson.JSON.createObjectNode() : EbSimJson.JSON.readTree(body);
            String words = request.path("comments").path("content").asString(request.path("message").path("content")
                    .asString(request.path("content").asString("")));
            if ("send_message".equals(action)) {
                world.act(d, "SEND_MESSAGE", words, null);
                return ResponseEntity.ok("");
            }
            if (!d.waitsForSeller()) {
                return error(400, 1701, "The " + kind + " is not in a state that allows this action.");
            }
            switch (action) {
                case "issue_refund" -> world.act(d, "SELLER_ISSUE_REFUND", words, EbSimWorld.RETURN.equals(d.kind) ? "REFUND_ISSUED" : "CLOSED");
                case "provide_shipment_info" -> world.act(d, "SELLER_PROVIDE_SHIPMENT_INFO", request.path("shippingCarrierName").asString("")
                        + " " + request.path("trackingNumber").asString(""), EbSimWorld.CASE.equals(d.kind) ? "WAITING_CS" : "WAITING_BUYER_RESPONSE");
                case "decide" -> world.act(d, "SELLER_" + request.path("decision").asString("DECIDE"), words,
                        "DECLINE".equals(request.path("decision").asString("")) ? "ESCALATED" : "RETURN_ACCEPTED");
                case "escalate" -> world.act(d, "SELLER_ESCALATE", words, "ESCALATED");
                default -> {
                    return error(400, 1001, "The call " + action + " is not supported by the sandbox.");
                }
            }
            return ResponseEntity.ok(EbSimWorld.RETURN.equals(d.kind) && "issue_refund".equals(action) ? "{\"refundStatus\":\"SUCCESS\"}" : "");
        }

        /** What eBay checks first: the user token it issued (IAF), still valid, and the marketplace; a known kind. */
        private ResponseEntity<String> refused(HttpHeaders headers, String kind) {
            String token = accessToken.get();
            if (token == null || !("IAF " + token).equals(headers.getFirst(HttpHeaders.AUTHORIZATION))
                    || clock.instant().isAfter(expiresAt.get())) {
                return error(401, 1100, "Invalid access token. Check the value of the Authorization HTTP request header.");
            }
            if (headers.getFirst("X-EBAY-C-MARKETPLACE-ID") == null) {
                return error(400, 1003, "The X-EBAY-C-MARKETPLACE-ID header is missing.");
            }
            return KINDS.containsKey(kind) ? null : error(404, 1000, "Resource not found.");
        }

        private static ResponseEntity<String> error(int status, int id, String message) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                    .body(EbSimJson.JSON.writeValueAsString(EbSimJson.error(id, message)));
        }

        private static ResponseEntity<String> oauthError(int status, String error, String description) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                    .body(EbSimJson.JSON.writeValueAsString(Map.of("error", error, "error_description", description)));
        }
    }
}
