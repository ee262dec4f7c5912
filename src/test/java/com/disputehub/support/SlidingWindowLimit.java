package com.disputehub.support;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A channel that enforces a rate: more than {@code limit} requests in any second (sliding) get 429 with
 * Retry-After, as a strict marketplace answers. Applies to stubs that name it.
 */
public final class SlidingWindowLimit implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "sliding-window-limit";

    private final int limit;
    private final Deque<Long> recent = new ArrayDeque<>();
    private final AtomicInteger refused = new AtomicInteger();

    public SlidingWindowLimit(int limit) {
        this.limit = limit;
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent serveEvent) {
        long now = System.nanoTime();
        while (!recent.isEmpty() && now - recent.peekFirst() >= 1_000_000_000L) {
            recent.pollFirst();
        }
        if (recent.size() >= limit) {
            refused.incrementAndGet();
            return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition().withStatus(429).withHeader("Retry-After", "1")
                    .withBody("{\"status\":429,\"message\":\"Too many requests\"}").build();
        }
        recent.addLast(now);
        return serveEvent.getResponseDefinition();
    }

    /** How many requests were answered 429 since the last reset. */
    public int refused() {
        return refused.get();
    }

    public synchronized void reset() {
        recent.clear();
        refused.set(0);
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
