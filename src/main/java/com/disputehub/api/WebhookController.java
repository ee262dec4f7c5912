package com.disputehub.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.disputehub.access.Actor;
import com.disputehub.webhook.DeliveryLog;
import com.disputehub.webhook.WebhookEndpoint;
import com.disputehub.webhook.WebhookRequest;
import com.disputehub.webhook.WebhookService;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Webhook endpoints (DOMAIN X7): Standard Webhooks signed deliveries of the event stream, managed by admins. */
@Tag(name = "Webhooks", description = "Endpoints that receive the event stream as signed Standard Webhooks")
@RestController
@RequestMapping("/api/webhooks")
class WebhookController {

    static final int MAX_LOG = 200;

    private final WebhookService webhooks;
    private final IdempotentRequests idempotent;

    WebhookController(WebhookService webhooks, IdempotentRequests idempotent) {
        this.webhooks = webhooks;
        this.idempotent = idempotent;
    }

    @Operation(operationId = "listWebhooks", summary = "Webhook endpoints, without their secrets")
    @GetMapping
    List<WebhookEndpoint> all() {
        return webhooks.all();
    }

    @Operation(operationId = "createWebhook", summary = "Create an endpoint; the answer carries its signing secret, shown this once",
            description = "It receives the events written from now on. With an Idempotency-Key, the same request again "
                    + "answers the same endpoint (Idempotent-Replayed: true); another request with the key is a 422.")
    @PostMapping
    ResponseEntity<Created> create(@RequestBody WebhookRequest request,
                                   @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        IdempotentRequests.Outcome<WebhookService.Created> outcome = idempotent.once(key, Actor.current(), "webhook endpoint",
                request, () -> webhooks.create(request, Actor.current()), c -> c.endpoint().id(),
                id -> webhooks.createdAgain(UUID.fromString(id)).orElse(null));
        WebhookService.Created created = outcome.resource();
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/webhooks/" + created.endpoint().id()))
                .header("Idempotent-Replayed", String.valueOf(outcome.replayed()))
                .body(new Created(created.endpoint(), created.secret()));
    }

    /** An endpoint just created, with the secret that signs what it receives. */
    record Created(WebhookEndpoint endpoint, String secret) {
    }

    @Operation(operationId = "getWebhook", summary = "One endpoint")
    @GetMapping("/{id}")
    WebhookEndpoint one(@PathVariable UUID id) {
        return webhooks.find(id).orElseThrow(() -> notFound(id));
    }

    @Operation(operationId = "changeWebhook", summary = "Change an endpoint; fields left out stay as they are",
            description = "Enabling a disabled endpoint clears why it was off; what it missed meanwhile is delivered.")
    @PatchMapping("/{id}")
    WebhookEndpoint change(@PathVariable UUID id, @RequestBody WebhookRequest change) {
        return webhooks.change(id, change).orElseThrow(() -> notFound(id));
    }

    @Operation(operationId = "deleteWebhook", summary = "Delete an endpoint and its delivery log")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        if (!webhooks.delete(id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "rotateWebhookSecret", summary = "A new signing secret, shown this once; the old one still signs until previousSecretValidUntil")
    @PostMapping("/{id}/rotate-secret")
    WebhookService.Rotated rotate(@PathVariable UUID id) {
        return webhooks.rotate(id).orElseThrow(() -> notFound(id));
    }

    @Operation(operationId = "testWebhook", summary = "Send a webhook.test event to this endpoint alone")
    @PostMapping("/{id}/test")
    ResponseEntity<Map<String, UUID>> test(@PathVariable UUID id) {
        UUID event = webhooks.sendTest(id, Actor.current()).orElseThrow(() -> notFound(id));
        return ResponseEntity.accepted().body(Map.of("eventId", event));
    }

    @Operation(operationId = "replayWebhook", summary = "Deliver again one event (eventId) or the endpoint's events of a time range (from, to)")
    @PostMapping("/{id}/replay")
    ResponseEntity<Map<String, Integer>> replay(@PathVariable UUID id, @RequestBody Replay replay) {
        WebhookEndpoint endpoint = webhooks.find(id).orElseThrow(() -> notFound(id));
        if (replay.eventId() != null) {
            if (!webhooks.replay(id, replay.eventId())) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no event " + replay.eventId()
                        + " (or it was removed by retention)");
            }
            return ResponseEntity.accepted().body(Map.of("queued", 1));
        }
        return ResponseEntity.accepted().body(Map.of("queued", webhooks.replay(endpoint, replay.from(), replay.to())));
    }

    /** What to deliver again: one event, or a range of time [from, to). */
    record Replay(UUID eventId, Instant from, Instant to) {
    }

    @Operation(operationId = "listWebhookDeliveries", summary = "The delivery log: the newest deliveries with every attempt (status, latency, answer excerpt)")
    @GetMapping("/{id}/deliveries")
    List<DeliveryLog> deliveries(@PathVariable UUID id, @RequestParam(required = false) String state,
                       @RequestParam(defaultValue = "50") int limit) {
        webhooks.find(id).orElseThrow(() -> notFound(id));
        if (limit < 1 || limit > MAX_LOG) {
            throw new IllegalArgumentException("'limit' is from 1 to " + MAX_LOG);
        }
        return webhooks.log(id, state, limit);
    }

    private static ResponseStatusException notFound(UUID id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no webhook endpoint " + id);
    }
}
