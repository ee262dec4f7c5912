package com.disputehub.decision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ChannelAdapter;
import com.disputehub.channel.DecisionTarget;
import com.disputehub.channel.PushResult;
import com.disputehub.channel.Reconciliation;
import com.disputehub.channel.runtime.ChannelAccounts;
import com.disputehub.channel.runtime.ChannelAdapters;
import com.disputehub.channel.runtime.ChannelGuards;
import com.disputehub.incident.IncidentStore;

/**
 * Settles decisions that may or may not have reached the channel: a push whose answer was lost, and SENDING
 * rows of a dispatcher that died. It re-reads the channel: applied means SENT, not applied means send again,
 * and a channel that cannot tell leaves the decision UNKNOWN for a person. Nothing is resent on a guess.
 */
@Component
class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final Decisions decisions;
    private final DecisionOutcomes outcomes;
    private final ChannelAccounts accounts;
    private final ChannelAdapters adapters;
    private final ChannelGuards guards;
    private final IncidentStore incidents;
    private final DispatcherInstance instance;
    private final Clock clock;
    private final Duration instanceTimeout;
    private final Duration pushBudget;

    Reconciler(Decisions decisions, DecisionOutcomes outcomes, ChannelAccounts accounts, ChannelAdapters adapters,
               ChannelGuards guards, IncidentStore incidents, DispatcherInstance instance, Clock clock,
               @Value("${disputehub.dispatch.instance-timeout:2m}") Duration instanceTimeout, DispatchProperties properties) {
        this.decisions = decisions;
        this.outcomes = outcomes;
        this.accounts = accounts;
        this.adapters = adapters;
        this.guards = guards;
        this.incidents = incidents;
        this.instance = instance;
        this.clock = clock;
        this.instanceTimeout = instanceTimeout;
        this.pushBudget = properties.pushBudget();
    }

    /** The request left, the answer did not come back. */
    void afterLostAnswer(ChannelAccount account, Decision d, String error, int attempts) {
        settle(account, d, error, attempts);
    }

    /**
     * Settles the SENDING decisions of dispatchers that stopped beating, and those over their push budget under a
     * live one (its outcome could not be recorded); answers how many it took over.
     */
    int recoverOrphans() {
        Instant now = clock.instant();
        List<Decision> orphans = decisions.takeOverOrphans(instance.id(), now.minus(instanceTimeout), now.minus(pushBudget), 100);
        for (Decision d : orphans) {
            Optional<ChannelAccount> account = accounts.find(d.accountId());
            if (account.isEmpty()) {
                decisions.release(d.id());
                continue;
            }
            log.warn("decision {} was left SENDING (its dispatcher stopped, or its outcome was never recorded); reconciling "
                    + "with the channel", d.id());
            settle(account.get(), d, "left half-sent: its dispatcher stopped or its outcome was never recorded", 0);
        }
        return orphans.size();
    }

    private void settle(ChannelAccount account, Decision d, String error, int attempts) {
        ChannelAdapter adapter = adapters.get(d.channelType());
        Instant since = d.claimedAt() != null ? d.claimedAt() : d.createdAt();
        Reconciliation r;
        try {
            r = guards.call(account, () -> adapter.reconcile(account,
                    DecisionTarget.of(incidents.find(d.incidentId()).orElseThrow()), d.command(), d.id().toString(), since));
        } catch (RuntimeException e) {
            log.warn("decision {}: the channel cannot be read to reconcile it now ({}); trying again later", d.id(), e.getMessage());
            decisions.release(d.id());
            return;
        }
        switch (r.outcome()) {
            case APPLIED -> outcomes.finish(d, DecisionState.SENT, null, new PushResult(r.applied().statusAfter(),
                    r.applied().channelReference(), r.applied().summary() + " (confirmed by re-reading the channel: " + error + ")"),
                    attempts);
            case NOT_APPLIED -> outcomes.reschedule(d, clock.instant(),
                    "not applied on the channel (" + error + "); sending it again", attempts);
            case UNKNOWN -> outcomes.finish(d, DecisionState.UNKNOWN, error, null, attempts);
        }
    }
}
