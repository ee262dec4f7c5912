package com.disputehub.channel.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.support.AccountTokens;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * {@code /actuator/health} component {@code channels}: each account's circuit breaker state, failure rate and
 * rate limiter headroom, and for accounts with OAuth refresh tokens whether their authorization holds
 * ({@code authorization}: OK or REFUSED). It stays UP while some accounts are paused (the connector itself is
 * fine) and lists them under {@code paused}; a monitor alerts on that list.
 */
@Component("channels")
class ChannelsHealthIndicator implements HealthIndicator {

    private final ChannelAccounts accounts;
    private final ChannelGuards guards;
    private final AccountTokens tokens;

    ChannelsHealthIndicator(ChannelAccounts accounts, ChannelGuards guards, AccountTokens tokens) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.guards = guards;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        for (ChannelAccount account : accounts.all()) {
            CircuitBreaker breaker = guards.breaker(account);
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("channel", account.channelType());
            state.put("circuit", breaker.getState() == CircuitBreaker.State.OPEN ? "CIRCUIT_OPEN" : breaker.getState().name());
            state.put("failureRate", breaker.getMetrics().getFailureRate());
            state.put("availablePermissions", guards.limiter(account).getMetrics().getAvailablePermissions());
            if (AccountTokens.refreshes(account)) {
                state.put("authorization", tokens.paused(account) ? "REFUSED" : "OK");
            }
            details.put(account.id(), state);
        }
        List<String> paused = guards.pausedAccounts(accounts.all());
        return Health.up().withDetail("paused", paused).withDetail("accounts", details).build();
    }
}
