package com.disputehub.sandbox;

import java.io.IOException;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Makes every simulator answer after {@code disputehub.sandbox.latency} (0 by default), as a marketplace across the
 * internet does: the dispatch benchmark sends decisions to a channel answering in 50 ms (docs/benchmarks.md).
 */
@Component
@ConditionalOnProperty(name = "disputehub.sandbox.enabled", havingValue = "true")
class SandboxLatency extends OncePerRequestFilter {

    private final Duration latency;

    SandboxLatency(@Value("${disputehub.sandbox.latency:0ms}") Duration latency) {
        this.latency = latency;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return latency.isZero() || !request.getRequestURI().startsWith("/sandbox/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        chain.doFilter(request, response);
    }
}
