package com.disputehub.webhook;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.disputehub.event.Event;
import com.disputehub.event.EventLog;
import com.disputehub.event.EventSubject;
import com.disputehub.event.EventType;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * Delivers due webhook deliveries: each endpoint on its own thread with its own circuit breaker, so that a slow or
 * dead endpoint never holds up the others; retries with backoff and jitter (or the endpoint's Retry-After), and
 * disables an endpoint that answers 410 or has failed for {@code disable-after}, telling it as an event.
 */
@Component
class WebhookDeliverer {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliverer.class);
    static final String BREAKER_CONFIG = "webhook";
    /** Deliveries of one endpoint taken per look; more wait for the next look (a second at most). */
    static final int PER_ENDPOINT = 10;
    /** Seconds a lease outlasts one attempt's timeout: the time to sign the event and record the answer. */
    private static final long LEASE_MARGIN_SECONDS = 15;

    private final WebhookDeliveries deliveries;
    private final WebhookEndpoints endpoints;
    private final WebhookTargets targets;
    private final WebhookSender sender;
    private final EventLog events;
    private final CircuitBreakerRegistry breakers;
    private final WebhookProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Set<UUID> busy = ConcurrentHashMap.newKeySet();
    private final SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("webhook-");

    WebhookDeliverer(WebhookDeliveries deliveries, WebhookEndpoints endpoints, WebhookTargets targets, WebhookSender sender,
                     EventLog events, CircuitBreakerRegistry breakers, WebhookProperties properties, TransactionTemplate tx,
                     Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.targets = targets;
        this.sender = sender;
        this.events = events;
        this.breakers = breakers;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
        executor.setVirtualThreads(Runtime.version().feature() >= 21);
    }

    /** Fans new events out to the endpoints, then starts delivering what is due; answers how many it started. */
    int run() {
        deliveries.fanOut(events.last(), 1000);
        if (busy.size() >= properties.concurrency()) {
            return 0;
        }
        // a batch's lease is renewed before each of its attempts (deliver): after a crash it runs out within one lease
        List<WebhookDeliveries.Due> due = deliveries.claim(properties.batchSize(), PER_ENDPOINT, lease()).stream()
                .filter(d -> !busy.contains(d.endpointId()) || release(d)).toList();
        Map<UUID, List<WebhookDeliveries.Due>> byEndpoint = due.stream()
                .collect(Collectors.groupingBy(WebhookDeliveries.Due::endpointId, LinkedHashMap::new, Collectors.toList()));
        byEndpoint.forEach((endpoint, batch) -> {
            busy.add(endpoint);
            executor.execute(() -> {
                try {
                    deliver(endpoint, batch);
                } finally {
                    busy.remove(endpoint);
                }
            });
        });
        return due.size();
    }

    /** A delivery claimed for an endpoint already being served here goes back, due now, to keep one sender each. */
    private boolean release(WebhookDeliveries.Due due) {
        deliveries.postpone(due, clock.instant());
        return false;
    }

    private void deliver(UUID endpointId, List<WebhookDeliveries.Due> batch) {
        WebhookEndpoint endpoint = endpoints.find(endpointId).orElse(null);
        CircuitBreaker breaker = breaker(endpointId);
        for (int i = 0; i < batch.size(); i++) {
            WebhookDeliveries.Due due = batch.get(i);
            deliveries.extendLease(batch.subList(i, batch.size()).stream().map(WebhookDeliveries.Due::id).toList(),
                    endpoint == null ? lease() : lease(endpoint.timeoutSeconds()));
            if (endpoint == null || !endpoint.enabled()) {
                deliveries.postpone(due, clock.instant().plus(properties.pollInterval()));
                continue;
            }
            if (!breaker.tryAcquirePermission()) {
                deliveries.postpone(due, clock.instant().plusMillis(breaker.getCircuitBreakerConfig()
                        .getWaitIntervalFunctionInOpenState().apply(1)));
                continue;
            }
            endpoint = attempt(endpoint, breaker, due);
        }
    }

    private WebhookEndpoint attempt(WebhookEndpoint endpoint, CircuitBreaker breaker, WebhookDeliveries.Due due) {
        List<Event> event = events.bySequence(List.of(due.eventSeq()));
        if (event.isEmpty()) {
            breaker.releasePermission();
            deliveries.attempted(due, new WebhookDeliveries.Attempt(null, 0, null, "the event was removed by retention"),
                    WebhookDeliveries.FAILED, null);
            return endpoint;
        }
        WebhookSender.Answer answer;
        try {
            URI url = targets.check(endpoint.url());
            answer = sender.send(url, endpoint.timeoutSeconds(), endpoints.signingSecrets(endpoint.id()), event.get(0));
        } catch (IllegalArgumentException refused) {
            answer = new WebhookSender.Answer(null, 0, null, "target refused: " + refused.getMessage(), null);
        }
        WebhookDeliveries.Attempt attempt = new WebhookDeliveries.Attempt(answer.status(), (int) answer.latencyMs(),
                answer.excerpt(), answer.error() != null ? answer.error()
                : answer.delivered() ? null : "answered " + answer.status());
        if (answer.delivered()) {
            breaker.onSuccess(answer.latencyMs(), TimeUnit.MILLISECONDS);
            deliveries.attempted(due, attempt, WebhookDeliveries.DELIVERED, null);
            endpoints.failing(endpoint.id(), false);
            return endpoint;
        }
        breaker.onError(answer.latencyMs(), TimeUnit.MILLISECONDS, new IllegalStateException(attempt.error()));
        if (answer.status() != null && answer.status() == 410) {
            deliveries.attempted(due, attempt, WebhookDeliveries.PENDING, clock.instant());
            return disable(endpoint, "the endpoint answered 410 Gone");
        }
        Instant retryAt = retryAt(due, answer);
        deliveries.attempted(due, attempt, retryAt == null ? WebhookDeliveries.FAILED : WebhookDeliveries.PENDING, retryAt);
        Instant failingSince = endpoints.failing(endpoint.id(), true);
        if (failingSince != null && !failingSince.plus(properties.disableAfter()).isAfter(clock.instant())) {
            return disable(endpoint, "every delivery failed since " + failingSince + "; the last: " + attempt.error());
        }
        return endpoint;
    }

    /** When to try again: the endpoint's Retry-After on 429 and 503, else the schedule with jitter; null when spent. */
    Instant retryAt(WebhookDeliveries.Due due, WebhookSender.Answer answer) {
        Instant now = clock.instant();
        boolean asked = answer.status() != null && (answer.status() == 429 || answer.status() == 503) && answer.retryAfter() != null;
        if (due.attempts() >= properties.retrySchedule().size()) {
            return null;
        }
        if (asked) {
            Duration wait = answer.retryAfter().compareTo(properties.maxRetryAfter()) > 0 ? properties.maxRetryAfter()
                    : answer.retryAfter();
            return now.plus(wait);
        }
        Duration wait = properties.retrySchedule().get(due.attempts());
        double factor = 1 + properties.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return now.plusMillis((long) (wait.toMillis() * factor));
    }

    private WebhookEndpoint disable(WebhookEndpoint endpoint, String reason) {
        tx.executeWithoutResult(status -> {
            if (endpoints.disable(endpoint.id(), reason)) {
                events.append(EventType.WEBHOOK_ENDPOINT_DISABLED, EventSubject.none(), Map.of("endpoint",
                        Map.of("id", endpoint.id(), "url", endpoint.url(), "reason", reason,
                                "links", Map.of("self", "/api/webhooks/" + endpoint.id()))));
                log.warn("webhook endpoint {} disabled: {}", endpoint.id(), reason);
            }
        });
        return endpoints.find(endpoint.id()).orElse(null);
    }

    private CircuitBreaker breaker(UUID endpointId) {
        return breakers.circuitBreaker("webhook-" + endpointId, () -> CircuitBreakerConfig
                .from(breakers.getConfiguration(BREAKER_CONFIG).orElse(breakers.getDefaultConfig())).build());
    }

    /** At the claim, before the endpoint is read: long enough for one attempt at the longest timeout one may have. */
    private Instant lease() {
        return lease(Math.max(WebhookService.MAX_TIMEOUT_SECONDS, properties.timeout().toSeconds()));
    }

    /** One attempt at this timeout, and a margin for signing and recording it: a crash frees the rest that soon. */
    private Instant lease(long timeoutSeconds) {
        return clock.instant().plusSeconds(timeoutSeconds + LEASE_MARGIN_SECONDS);
    }
}
