package com.disputehub.decision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
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
 * Pushes claimed decisions through their account's retry, circuit breaker and rate limiter, and records the
 * outcomes on the decisions and the incidents in one transaction. A channel that asks to wait, or is paused,
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
    private final DispatchProperties properties;
    private final DispatcherInstance instance;
    private final Clock clock;

    DecisionDispatcher(Decisions decisions, IncidentStore incidents, ChannelAccounts accounts, ChannelAdapters adapters,
                       ChannelGuards guards, Reconciler reconciler, DecisionOutcomes outcomes, IncidentFiles files,
                       DispatchProperties properties, DispatcherInstance instance, Clock clock) {
        this.decisions = decisions;
        this.incidents = incidents;
        this.accounts = accounts;
        this.adapters = adapters;
        this.guards = guards;
        this.reconciler = reconciler;
        this.outcomes = outcomes;
        this.files = files;
        this.properties = properties;
        this.instance = instance;
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
        dispatchAll(List.of(decisionId));
    }

    /**
     * Pushes these claimed decisions one after the other, then records the outcomes together ({@link
     * DecisionOutcomes#finishAll}); decisions and incidents are read in one query each. A decision that waits again,
     * or whose answer was lost, is recorded at once, as before.
     */
    void dispatchAll(List<UUID> claimed) {
        Map<UUID, Decision> found;
        Map<UUID, Incident> incidentsById;
        try {
            found = decisions.readable(claimed);
            incidentsById = incidents.findAll(found.values().stream().map(Decision::incidentId).distinct().toList());
        } catch (RuntimeException | LinkageError e) {
            log.error("decisions {} could not be read; nothing was sent, back to the outbox", claimed, e);
            try {
                decisions.unclaim(claimed, instance.id());
            } catch (RuntimeException | LinkageError again) {
                log.error("decisions {} stay SENDING until reconciled after their push budget", claimed, again);
            }
            return;
        }
        List<DecisionOutcomes.Finished> finished = new ArrayList<>();
        Instant late = clock.instant().plus(properties.pushBudget().dividedBy(2));
        for (int i = 0; i < claimed.size(); i++) {
            UUID id = claimed.get(i);
            if (clock.instant().isAfter(late)) {
                // the rest of the batch waited long behind slow pushes: before the reconciler takes them for
                // half-sent (past the push budget) and settles them too, they go back to the outbox, unsent
                List<UUID> rest = claimed.subList(i, claimed.size());
                log.warn("{} decisions claimed more than {} ago are not pushed yet; back to the outbox", rest.size(),
                        properties.pushBudget().dividedBy(2));
                decisions.unclaim(rest, instance.id());
                break;
            }
            Decision d = found.get(id);
            Prepared prepared;
            try {
                prepared = d == null ? null : prepare(d, incidentsById);
            } catch (RuntimeException | LinkageError e) {
                log.error("decision {} could not be prepared; nothing was sent", id, e);
                unprepared(id, e.getClass().getSimpleName() + ": " + e.getMessage());
                continue;
            }
            if (d == null) {
                unprepared(id, "the stored decision cannot be read");
            } else if (prepared == null) {
                finished.add(new DecisionOutcomes.Finished(d, DecisionState.FAILED,
                        "account '" + d.accountId() + "' is not configured on this instance", null, 0));
            } else {
                try {
                    DecisionOutcomes.Finished outcome = push(d, prepared);
                    if (outcome != null) {
                        finished.add(outcome);
                    }
                } catch (RuntimeException | LinkageError e) {
                    log.error("decision {}: recording its outcome failed; it stays SENDING until reconciled after its "
                            + "push budget", d.id(), e);
                }
            }
        }
        try {
            outcomes.finishAll(finished);
        } catch (RuntimeException | LinkageError e) {
            log.error("decision {}: recording its outcome failed; it stays SENDING until reconciled after its push budget",
                    finished.get(0).decision().id(), e);
        }
    }

    private void unprepared(UUID id, String why) {
        try {
            outcomes.failedUnprepared(id, "could not be prepared, nothing was sent: " + why);
        } catch (RuntimeException | LinkageError e) {
            log.error("decision {}: recording that it could not be prepared failed; it stays SENDING until reconciled", id, e);
        }
    }

    /** What a push needs, read before anything leaves; null when the account is not configured here. */
    private record Prepared(ChannelAccount account, Incident incident, ChannelAdapter adapter, DecisionCommand command) {
    }

    private Prepared prepare(Decision d, Map<UUID, Incident> incidentsById) {
        Optional<ChannelAccount> found = accounts.find(d.accountId());
        if (found.isEmpty()) {
            return null;
        }
        Incident incident = incidentsById.get(d.incidentId());
        if (incident == null) {
            throw new NoSuchElementException("no incident " + d.incidentId());
        }
        return new Prepared(found.get(), incident, adapters.get(d.channelType()), withFiles(d));
    }

    /** Pushes one decision: where it ended, to record with its batch; null when it was recorded here (it waits, or its answer was lost). */
    private DecisionOutcomes.Finished push(Decision d, Prepared p) {
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
            return new DecisionOutcomes.Finished(d, result.recordedOnly() ? DecisionState.RECORDED : DecisionState.SENT, null,
                    result, attempts.get());
        } catch (ChannelRejectedException e) {
            return new DecisionOutcomes.Finished(d, DecisionState.REJECTED, e.getMessage(), null, attempts.get());
        } catch (ChannelOutcomeUnknownException | ChannelProtocolException e) {
            // no answer, or an answer we cannot read: the request may well have taken effect
            reconciler.afterLostAnswer(account, d, e.getMessage(), attempts.get());
        } catch (ChannelUnavailableException e) {
            if (e.retryAfter() != null && guards.longerThanInProcessWait(e.retryAfter())) {
                outcomes.reschedule(d, clock.instant().plus(e.retryAfter()), "the channel asked to wait " + e.retryAfter().toSeconds()
                        + " s: " + e.getMessage(), attempts.get());
            } else {
                return new DecisionOutcomes.Finished(d, DecisionState.FAILED, e.getMessage() + " (after " + attempts.get()
                        + " attempts)", null, attempts.get());
            }
        } catch (CallNotPermittedException e) {
            outcomes.reschedule(d, clock.instant().plus(PAUSED_RECHECK), "channel paused: its circuit breaker is open", attempts.get());
        } catch (RequestNotPermitted e) {
            outcomes.reschedule(d, clock.instant().plus(RATE_LIMIT_RECHECK), null, attempts.get());
        } catch (ChannelException e) {
            return new DecisionOutcomes.Finished(d, DecisionState.FAILED, e.getMessage(), null, attempts.get());
        } catch (RuntimeException | LinkageError e) {
            log.error("decision {} failed unexpectedly", d.id(), e);
            return new DecisionOutcomes.Finished(d, DecisionState.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage(),
                    null, attempts.get());
        }
        return null;
    }
}
