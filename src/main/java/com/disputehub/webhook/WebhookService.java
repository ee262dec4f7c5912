package com.disputehub.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.disputehub.channel.runtime.ChannelAccounts;
import com.disputehub.event.EventLog;
import com.disputehub.event.EventType;
import com.disputehub.incident.Texts;

/**
 * Webhook endpoints as admins manage them (API and page): checked where they enter, the secret shown once (at
 * creation and at each rotation); test events, replays, the log.
 */
@Service
public class WebhookService {

    static final int MAX_TIMEOUT_SECONDS = 30;
    static final int MAX_PATTERNS = 50;
    static final int MAX_REPLAY = 10_000;

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final WebhookTargets targets;
    private final ChannelAccounts accounts;
    private final EventLog events;
    private final WebhookProperties properties;
    private final Clock clock;

    WebhookService(WebhookEndpoints endpoints, WebhookDeliveries deliveries, WebhookTargets targets,
                   ChannelAccounts accounts, EventLog events, WebhookProperties properties, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.targets = targets;
        this.accounts = accounts;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** A created endpoint with its secret, which is never shown again (but to a create repeated with its key). */
    public record Created(WebhookEndpoint endpoint, String secret) {
    }

    /** Creates an endpoint that receives the events written from now on. */
    @Transactional
    public Created create(WebhookRequest request, String actor) {
        Instant now = clock.instant();
        WebhookEndpoint endpoint = checked(new WebhookEndpoint(UUID.randomUUID(), request.url(), request.description(),
                request.eventTypes(), request.accounts() == null ? List.of() : request.accounts(),
                request.enabled() == null || request.enabled(),
                request.timeoutSeconds() == null ? (int) properties.timeout().toSeconds() : request.timeoutSeconds(),
                null, null, null, null, actor, now, now));
        String secret = StandardWebhooks.newSecret();
        endpoints.insert(endpoint, secret, events.last());
        return new Created(endpoint, secret);
    }

    /** An endpoint as its creation answered it, for a create repeated with the same idempotency key. */
    public Optional<Created> createdAgain(UUID id) {
        return endpoints.find(id).map(e -> new Created(e, endpoints.signingSecrets(id).get(0)));
    }

    public List<WebhookEndpoint> all() {
        return endpoints.all();
    }

    public Optional<WebhookEndpoint> find(UUID id) {
        return endpoints.find(id);
    }

    /** Changes what is sent; enabling it again clears why it was off, and its backlog is delivered. */
    @Transactional
    public Optional<WebhookEndpoint> change(UUID id, WebhookRequest change) {
        return endpoints.find(id).map(e -> {
            WebhookEndpoint changed = checked(new WebhookEndpoint(e.id(),
                    change.url() != null ? change.url() : e.url(),
                    change.description() != null ? change.description() : e.description(),
                    change.eventTypes() != null ? change.eventTypes() : e.eventTypes(),
                    change.accounts() != null ? change.accounts() : e.accounts(),
                    change.enabled() != null ? change.enabled() : e.enabled(),
                    change.timeoutSeconds() != null ? change.timeoutSeconds() : e.timeoutSeconds(),
                    e.disabledReason(), e.disabledAt(), e.failingSince(), e.previousSecretValidUntil(), e.createdBy(),
                    e.createdAt(), clock.instant()));
            endpoints.update(changed);
            return endpoints.find(id).orElseThrow();
        });
    }

    public boolean delete(UUID id) {
        return endpoints.delete(id);
    }

    /** A new secret, shown once; the old one signs too until the answered instant. */
    @Transactional
    public Optional<Rotated> rotate(UUID id) {
        return endpoints.find(id).map(e -> {
            String secret = StandardWebhooks.newSecret();
            Instant until = clock.instant().plus(properties.rotationOverlap());
            endpoints.rotate(id, secret, until);
            return new Rotated(secret, until);
        });
    }

    /** A rotated secret, and until when the previous one still signs. */
    public record Rotated(String secret, Instant previousSecretValidUntil) {
    }

    /** A webhook.test event for this endpoint alone; answers its id. */
    @Transactional
    public Optional<UUID> sendTest(UUID id, String actor) {
        return endpoints.find(id).map(e -> events.appendFor(id, EventType.WEBHOOK_TEST,
                Map.of("message", "A test event from DisputeHub", "requestedBy", actor, "endpoint", id)));
    }

    /** Queues one event again for the endpoint; false when the event is unknown (or removed by retention). */
    public boolean replay(UUID id, UUID eventId) {
        return deliveries.replay(id, eventId);
    }

    /** Queues again the endpoint's events of a time range, at most {@value #MAX_REPLAY}; answers how many. */
    public int replay(WebhookEndpoint endpoint, Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new IllegalArgumentException("a replay needs 'from' before 'to'");
        }
        return deliveries.replay(endpoint.id(), endpoint.eventTypes(), endpoint.accounts(), from, to, MAX_REPLAY);
    }

    public List<DeliveryLog> log(UUID id, String state, int limit) {
        if (state != null && !List.of(WebhookDeliveries.PENDING, WebhookDeliveries.DELIVERED, WebhookDeliveries.FAILED).contains(state)) {
            throw new IllegalArgumentException("'state' is one of PENDING, DELIVERED, FAILED");
        }
        return deliveries.log(id, state, limit);
    }

    /** Every field checked before anything is saved; each problem a sentence naming the field. */
    private WebhookEndpoint checked(WebhookEndpoint e) {
        targets.check(e.url());
        Texts.check("description", e.description(), Texts.SEARCH);
        if (e.eventTypes() == null || e.eventTypes().isEmpty() || e.eventTypes().size() > MAX_PATTERNS) {
            throw new IllegalArgumentException("'eventTypes' lists 1 to " + MAX_PATTERNS + " types, families (incident.*) or *");
        }
        List<String> unknown = new ArrayList<>(e.eventTypes().stream().filter(t -> t == null || !EventType.known(t)).toList());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("'eventTypes' has " + unknown + ", which names no event; the types are "
                    + Arrays.stream(EventType.values()).map(EventType::wire).toList());
        }
        List<String> strangers = e.accounts().stream().filter(a -> a == null || accounts.find(a).isEmpty()).toList();
        if (!strangers.isEmpty()) {
            throw new IllegalArgumentException("'accounts' names " + strangers + ", which are not configured accounts");
        }
        if (e.timeoutSeconds() < 1 || e.timeoutSeconds() > MAX_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException("'timeoutSeconds' is from 1 to " + MAX_TIMEOUT_SECONDS);
        }
        return new WebhookEndpoint(e.id(), e.url().trim(), e.description(), List.copyOf(e.eventTypes()),
                List.copyOf(e.accounts()), e.enabled(), e.timeoutSeconds(), e.disabledReason(), e.disabledAt(),
                e.failingSince(), e.previousSecretValidUntil(), e.createdBy(), e.createdAt(), e.updatedAt());
    }
}
