package com.disputehub.decision;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ChannelAdapter;
import com.disputehub.channel.ChannelException;
import com.disputehub.channel.ChannelOutcomeUnknownException;
import com.disputehub.channel.ChannelProtocolException;
import com.disputehub.channel.ChannelRejectedException;
import com.disputehub.channel.ChannelUnavailableException;
import com.disputehub.channel.DecisionTarget;
import com.disputehub.channel.PushResult;
import com.disputehub.channel.command.DecisionCommand;
import com.disputehub.channel.command.EvidenceFile;
import com.disputehub.channel.runtime.ChannelAccounts;
import com.disputehub.channel.runtime.ChannelAdapters;
import com.disputehub.channel.runtime.ChannelGuards;
import com.disputehub.incident.Incident;
import com.disputehub.incident.IncidentFiles;
import com.disputehub.incident.IncidentStore;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;

/**
 * Pushes one claimed decision through its account's retry, circuit breaker and rate limiter, and records the
 * outcome on the decision and the incident in one transaction. A channel that asks to wait, or is paused,
 * gets the decision back in the outbox: it waits, it does not fail.
 */
@Component
class DecisionDispatcher {

    private static final Logger log = LoggerFactory.getLogger(DecisionDispatcher.class);
    static final Duration PAUSED_RECHECK = Duration.ofSeconds(5);
    static final Duration RATE_LIMIT_RECHECK = Duration.ofSeconds(1);

    private final Decisions decisions;
    private final IncidentStore incidents;
    private final ChannelAccounts accounts;
    private final ChannelAdapters adapters;
    private final ChannelGuards guards;
    private final Reconciler reconciler;
    private final DecisionOutcomes outcomes;
    private final IncidentFiles files;
    private final Clock clock;

    DecisionDispatcher(Decisions decisions, IncidentStore incidents, ChannelAccounts accounts, ChannelAdapters adapters,
                       ChannelGuards guards, Reconciler reconciler, DecisionOutcomes outcomes, IncidentFiles files,
                       Clock clock) {
        this.decisions = decisions;
        this.incidents = incidents;
        this.accounts = accounts;
        this.adapters = adapters;
        this.guards = guards;
        this.reconciler = reconciler;
        this.outcomes = outcomes;
        this.files = files;
        this.clock = clock;
    }

    /** The decision with its files' bytes, which the outbox row does not carry. */
    private DecisionCommand withFiles(Decision d) {
        if (d.command().attachments().isEmpty()) {
            return d.command();
        }
        return d.command().withAttachments(files.ofDecision(d.id()).stream()
                .map(f -> new EvidenceFile(f.fileName(), Base64.getEncoder().encodeToString(f.bytes()))).toList());
    }

    /**
     * Every path ends in a state (DOMAIN X4): a failure before the push is FAILED (nothing left); the push's answer
     * (or its loss) is recorded as below; and should even recording fail, the row stays SENDING past its push
     * budget, where {@link Reconciler#recoverOrphans} finds it whatever the state of this instance.
     */
    void dispatch(UUID decisionId) {
        Decision d;
        Prepared prepared;
        try {
            d = decisions.find(decisionId).orElseThrow();
            prepared = prepare(d);
        } catch (RuntimeException | LinkageError e) {
            log.error("decision {} could not be prepared; nothing was sent", decisionId, e);
            outcomes.failedUnprepared(decisionId, "could not be prepared, nothing was sent: "
                    + e.getClass().getSimpleName() + ": " + e.getMessage());
            return;
        }
        if (prepared == null) {
            outcomes.finish(d, DecisionState.FAILED, "account '" + d.accountId() + "' is not configured on this instance", null, 0);
            return;
        }
        try {
            push(d, prepared);
        } catch (RuntimeException | LinkageError e) {
            log.error("decision {}: recording its outcome failed; it stays SENDING until reconciled after its push budget",
                    d.id(), e);
        }
    }

    /** What a push needs, read before anything leaves; null when the account is not configured here. */
    private record Prepared(ChannelAccount account, Incident incident, ChannelAdapter adapter, DecisionCommand command) {
    }

    private Prepared prepare(Decision d) {
        Optional<ChannelAccount> found = accounts.find(d.accountId());
        if (found.isEmpty()) {
            return null;
        }
        return new Prepared(found.get(), incidents.find(d.incidentId()).orElseThrow(), adapters.get(d.channelType()), withFiles(d));
    }

    private void push(Decision d, Prepared p) {
        ChannelAccount account = p.account();
        Incident incident = p.incident();
        ChannelAdapter adapter = p.adapter();
        DecisionCommand command = p.command();
        AtomicInteger attempts = new AtomicInteger();
        try {
            PushResult result = guards.call(account, () -> {
                attempts.incrementAndGet();
                return adapter.push(account, DecisionTarget.of(incident), command, d.id().toString());
            });
            outcomes.finish(d, result.recordedOnly() ? DecisionState.RECORDED : DecisionState.SENT, null, result, attempts.get());
        } catch (ChannelRejectedException e) {
            outcomes.finish(d, DecisionState.REJECTED, e.getMessage(), null, attempts.get());
        } catch (ChannelOutcomeUnknownException | ChannelProtocolException e) {
            // no answer, or an answer we cannot read: the request may well have taken effect
            reconciler.afterLostAnswer(account, d, e.getMessage(), attempts.get());
        } catch (ChannelUnavailableException e) {
            if (e.retryAfter() != null && guards.longerThanInProcessWait(e.retryAfter())) {
                outcomes.reschedule(d, clock.instant().plus(e.retryAfter()), "the channel asked to wait " + e.retryAfter().toSeconds()
                        + " s: " + e.getMessage(), attempts.get());
            } else {
                outcomes.finish(d, DecisionState.FAILED, e.getMessage() + " (after " + attempts.get() + " attempts)", null, attempts.get());
            }
        } catch (CallNotPermittedException e) {
            outcomes.reschedule(d, clock.instant().plus(PAUSED_RECHECK), "channel paused: its circuit breaker is open", attempts.get());
        } catch (RequestNotPermitted e) {
            outcomes.reschedule(d, clock.instant().plus(RATE_LIMIT_RECHECK), null, attempts.get());
        } catch (ChannelException e) {
            outcomes.finish(d, DecisionState.FAILED, e.getMessage(), null, attempts.get());
        } catch (RuntimeException | LinkageError e) {
            log.error("decision {} failed unexpectedly", d.id(), e);
            outcomes.finish(d, DecisionState.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage(), null, attempts.get());
        }
    }
}
