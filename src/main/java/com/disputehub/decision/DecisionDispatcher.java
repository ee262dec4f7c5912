package com.disputehub.decision;

import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ChannelAccounts;
import com.disputehub.channel.ChannelAdapters;
import com.disputehub.channel.ChannelException;
import com.disputehub.channel.ChannelOutcomeUnknownException;
import com.disputehub.channel.ChannelRejectedException;
import com.disputehub.channel.DecisionTarget;
import com.disputehub.channel.PushResult;
import com.disputehub.incident.Incident;
import com.disputehub.incident.IncidentStore;

/**
 * Pushes one claimed decision to its channel and records the outcome on the decision and the incident, in one
 * transaction. Retries and circuit breakers wrap this in their own issue; here a transient error ends FAILED.
 */
@Component
class DecisionDispatcher {

    private static final Logger log = LoggerFactory.getLogger(DecisionDispatcher.class);

    private final Decisions decisions;
    private final IncidentStore incidents;
    private final ChannelAccounts accounts;
    private final ChannelAdapters adapters;
    private final TransactionTemplate tx;

    DecisionDispatcher(Decisions decisions, IncidentStore incidents, ChannelAccounts accounts, ChannelAdapters adapters,
                       TransactionTemplate tx) {
        this.decisions = decisions;
        this.incidents = incidents;
        this.accounts = accounts;
        this.adapters = adapters;
        this.tx = tx;
    }

    void dispatch(UUID decisionId) {
        Decision d = decisions.find(decisionId).orElseThrow();
        Incident incident = incidents.find(d.incidentId()).orElseThrow();
        Optional<ChannelAccount> account = accounts.find(d.accountId());
        if (account.isEmpty()) {
            finish(d, DecisionState.FAILED, "account '" + d.accountId() + "' is not configured on this instance", null, null);
            return;
        }
        try {
            PushResult result = adapters.get(d.channelType()).push(account.get(), DecisionTarget.of(incident), d.command());
            finish(d, DecisionState.SENT, null, result.channelReference(), result);
        } catch (ChannelRejectedException e) {
            finish(d, DecisionState.REJECTED, e.getMessage(), null, null);
        } catch (ChannelOutcomeUnknownException e) {
            finish(d, DecisionState.UNKNOWN, e.getMessage(), null, null);
        } catch (ChannelException e) {
            finish(d, DecisionState.FAILED, e.getMessage(), null, null);
        } catch (RuntimeException e) {
            log.error("decision {} failed unexpectedly", d.id(), e);
            finish(d, DecisionState.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage(), null, null);
        }
    }

    private void finish(Decision d, DecisionState state, String error, String reference, PushResult result) {
        String summary = switch (state) {
            case SENT -> d.command().describe() + ": " + result.summary();
            case REJECTED -> d.command().describe() + ": rejected by the channel: " + error;
            case UNKNOWN -> d.command().describe() + ": outcome unknown: " + error;
            default -> d.command().describe() + ": failed: " + error;
        };
        tx.executeWithoutResult(status -> {
            decisions.finish(d.id(), state, error, reference);
            incidents.recordDecisionOutcome(d.incidentId(), result == null ? null : result.statusAfter(),
                    d.requestedBy(), summary);
        });
        log.info("decision {} on incident {}: {}", d.id(), d.incidentId(), state);
    }
}
