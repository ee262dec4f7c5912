package com.disputehub.channel.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ChannelOutcomeUnknownException;
import com.disputehub.channel.ChannelProtocolException;
import com.disputehub.channel.ChannelRejectedException;
import com.disputehub.channel.ChannelUnavailableException;
import com.disputehub.channel.RateLimit;
import com.disputehub.channel.support.AccountPausedException;
import com.disputehub.channel.support.AccountTokens;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;

/**
 * One circuit breaker, rate limiter and retry per channel account, shared by sync and dispatch, so that a
 * failing account pauses as a whole and a well-behaved channel never sees more calls than it allows.
 *
 * <p>Each is configured by name in {@code resilience4j.*.configs}: the account id if such a config exists, else
 * the channel type (e.g. {@code mirakl}: the channel's published limits), else {@code channel}. Only transient
 * failures are retried, waiting what a Retry-After asked; one asking for longer than
 * {@code disputehub.resilience.max-in-process-wait} is given back to the caller to reschedule.
 */
@Component
public class ChannelGuards {

    private static final String DEFAULT_CONFIG = "channel";

    private final CircuitBreakerRegistry breakers;
    private final RateLimiterRegistry limiters;
    private final RetryRegistry retries;
    private final ChannelAdapters adapters;
    private final Duration maxInProcessWait;
    private final AccountTokens tokens;
    private final Map<String, SendWindow> windows = new ConcurrentHashMap<>();

    ChannelGuards(CircuitBreakerRegistry breakers, RateLimiterRegistry limiters, RetryRegistry retries, ChannelAdapters adapters,
                  @Value("${disputehub.resilience.max-in-process-wait:30s}") Duration maxInProcessWait, AccountTokens tokens) {
        this.tokens = tokens;
        this.breakers = breakers;
        this.limiters = limiters;
        this.retries = retries;
        this.adapters = adapters;
        this.maxInProcessWait = maxInProcessWait;
    }

    /** The share of a channel's rate its evenly spread calls use ({@link #smooth}). */
    static final double SMOOTHED_SHARE = 0.97;

    /**
     * Runs one logical channel call: through the account's breaker, retried inside it, each attempt rate
     * limited. The breaker counts logical calls, not attempts: four failed attempts followed by a success must
     * not read as an 80% failure rate just as the channel recovers.
     */
    public <T> T call(ChannelAccount account, Supplier<T> call) {
        SendWindow window = window(account);
        Supplier<T> counted = () -> {
            try {
                window.enter();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChannelUnavailableException("interrupted while waiting for the channel's rate", null, e);
            }
            return call.get();
        };
        Supplier<T> limited = RateLimiter.decorateSupplier(limiter(account), counted);
        Supplier<T> retried = Retry.decorateSupplier(retry(account), limited);
        return CircuitBreaker.decorateSupplier(breaker(account), retried).get();
    }

    /** Whether a wait the channel asked for is too long to sleep through on a thread. */
    public boolean longerThanInProcessWait(Duration wait) {
        return wait.compareTo(maxInProcessWait) > 0;
    }

    /**
     * Whether no call of the account may go out now: its breaker is open (or forced open), or its channel refused
     * its refresh token and it waits for a person to authorize it again.
     */
    public boolean paused(ChannelAccount account) {
        return breakerOpen(account) || tokens.paused(account);
    }

    private boolean breakerOpen(ChannelAccount account) {
        CircuitBreaker.State state = breaker(account).getState();
        return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
    }

    /** The ids of the given accounts that are paused (one query for the token pauses of all). */
    public List<String> pausedAccounts(List<ChannelAccount> accounts) {
        java.util.Set<String> unauthorized = new java.util.HashSet<>();
        if (accounts.stream().anyMatch(AccountTokens::refreshes)) {
            tokens.pausedAccounts().forEach(p -> unauthorized.add(p.accountId()));
        }
        return accounts.stream().filter(a -> breakerOpen(a) || unauthorized.contains(a.id())).map(ChannelAccount::id).toList();
    }

    public CircuitBreaker breaker(ChannelAccount account) {
        return breakers.circuitBreaker(account.id(), () -> CircuitBreakerConfig
                .from(breakers.getConfiguration(configName(account, breakers::getConfiguration))
                        .orElse(breakers.getDefaultConfig()))
                .recordException(ChannelGuards::failureOfTheChannel)
                .ignoreException(e -> e instanceof ChannelRejectedException || e instanceof AccountPausedException)
                .build());
    }

    /**
     * The account's limiter: the configuration named after the account or its channel type, else the rate the
     * adapter publishes, else the connector's default ("channel").
     */
    public RateLimiter limiter(ChannelAccount account) {
        return limiters.rateLimiter(account.id(), () -> smooth(rate(account)));
    }

    /**
     * The account's calls counted as they leave ({@link SendWindow}): at most its channel's rate in any period and
     * 3% more (30 ms on a second), so that a call held up on its way by up to that much (a pause of this JVM, a busy
     * core) still cannot crowd a channel's count. Calls spread evenly at 97% of the rate never fill such a window.
     */
    private SendWindow window(ChannelAccount account) {
        return windows.computeIfAbsent(account.id(), id -> {
            RateLimiterConfig rate = rate(account);
            return new SendWindow(rate.getLimitForPeriod(), rate.getLimitRefreshPeriod().multipliedBy(103).dividedBy(100));
        });
    }

    /** The rate a channel allows the account, as configured or published, before {@link #smooth} spreads it. */
    private RateLimiterConfig rate(ChannelAccount account) {
        String name = configName(account, limiters::getConfiguration);
        RateLimiterConfig configured = limiters.getConfiguration(name).orElse(limiters.getDefaultConfig());
        Optional<RateLimit> published = adapters.supports(account.channelType())
                ? adapters.get(account.channelType()).rateLimit() : Optional.empty();
        return !DEFAULT_CONFIG.equals(name) || published.isEmpty() ? configured : RateLimiterConfig.from(configured)
                .limitForPeriod(published.get().calls()).limitRefreshPeriod(published.get().per()).build();
    }

    /**
     * A rate of N calls a period, spread evenly: one call every period / (0.97 N). A burst of N at the end of one
     * period and N more at the start of the next would exceed a channel that counts over any window of a period
     * (or over windows aligned otherwise than ours) and bring 429s; evenly spaced calls never do, and keep 97% of
     * the rate (issue 17).
     */
    static RateLimiterConfig smooth(RateLimiterConfig rate) {
        long nanos = (long) Math.ceil(rate.getLimitRefreshPeriod().toNanos() / (rate.getLimitForPeriod() * SMOOTHED_SHARE));
        return RateLimiterConfig.from(rate).limitForPeriod(1).limitRefreshPeriod(Duration.ofNanos(Math.max(1, nanos))).build();
    }

    Retry retry(ChannelAccount account) {
        return retries.retry(account.id(), () -> {
            RetryConfig base = retries.getConfiguration(configName(account, retries::getConfiguration))
                    .orElse(retries.getDefaultConfig());
            return RetryConfig.from(base)
                    .retryOnException(shortWaitTransient())
                    .intervalBiFunction((attempt, outcome) -> waitBefore(attempt, outcome, base))
                    .build();
        });
    }

    /** Connection failures, 5xx, 429, lost answers and unreadable answers count against the channel; a 4xx does not. */
    private static boolean failureOfTheChannel(Throwable e) {
        return e instanceof ChannelUnavailableException || e instanceof ChannelOutcomeUnknownException
                || e instanceof ChannelProtocolException;
    }

    private Predicate<Throwable> shortWaitTransient() {
        return e -> e instanceof ChannelUnavailableException u
                && (u.retryAfter() == null || u.retryAfter().compareTo(maxInProcessWait) <= 0);
    }

    private static long waitBefore(int attempt, Either<Throwable, Object> outcome, RetryConfig base) {
        if (outcome.isLeft() && outcome.getLeft() instanceof ChannelUnavailableException u && u.retryAfter() != null) {
            return u.retryAfter().toMillis();
        }
        return base.getIntervalBiFunction().apply(attempt, outcome);
    }

    private static <C> String configName(ChannelAccount account, Function<String, Optional<C>> lookup) {
        if (lookup.apply(account.id()).isPresent()) {
            return account.id();
        }
        return lookup.apply(account.channelType()).isPresent() ? account.channelType() : DEFAULT_CONFIG;
    }
}
