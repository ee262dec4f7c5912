package com.disputehub.sandbox;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Makes the simulators behave as marketplaces across the internet do, for the benchmarks (docs/benchmarks.md): every
 * answer after {@code disputehub.sandbox.latency} (0 by default), and at most {@code disputehub.sandbox.write-limit}
 * writes (PUT, POST) in any second (0: no limit), the others refused with 429 and counted.
 */
@Component
@ConditionalOnProperty(name = "disputehub.sandbox.enabled", havingValue = "true")
public class SandboxTraffic extends OncePerRequestFilter {

    private final Duration latency;
    private final int writeLimit;
    private final Deque<Long> recentWrites = new ArrayDeque<>();
    private final AtomicLong refused = new AtomicLong();

    SandboxTraffic(@Value("${disputehub.sandbox.latency:0ms}") Duration latency,
                   @Value("${disputehub.sandbox.write-limit:0}") int writeLimit) {
        this.latency = latency;
        this.writeLimit = writeLimit;
    }

    /** Writes refused with 429 so far. */
    public long refused() {
        return refused.get();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/sandbox/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"GET".equals(request.getMethod()) && !admitted()) {
            refused.incrementAndGet();
            response.setHeader("Retry-After", "1");
            response.sendError(429, "Too Many Requests");
            return;
        }
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Whether one more write fits in the last second. */
    private synchronized boolean admitted() {
        if (writeLimit <= 0) {
            return true;
        }
        long now = System.nanoTime();
        while (!recentWrites.isEmpty() && now - recentWrites.peekFirst() >= 1_000_000_000L) {
            recentWrites.removeFirst();
        }
        if (recentWrites.size() >= writeLimit) {
            return false;
        }
        recentWrites.addLast(now);
        return true;
    }
}
