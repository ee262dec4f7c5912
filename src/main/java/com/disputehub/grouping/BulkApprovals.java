package com.disputehub.grouping;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import com.disputehub.channel.command.DecisionType;
import com.disputehub.channel.runtime.ChannelAccounts;
import com.disputehub.decision.ApprovalPolicy;
import com.disputehub.decision.Approvals;
import com.disputehub.decision.DecisionRefusedException;

/**
 * Four eyes for bulk runs (DOMAIN X6): a run of more than {@code disputehub.approvals.bulk-above} eligible incidents,
 * or a run of refunds on an account where approvals are on, waits once its requester confirms it, until a
 * SUPERVISOR other than the requester approves it (it then runs, its refunds approved with it) or does not.
 */
@Service
public class BulkApprovals {

    private final BulkStore store;
    private final BulkRunner runner;
    private final ApprovalPolicy policy;
    private final ChannelAccounts accounts;
    private final Integer bulkAbove;
    private final Clock clock;

    BulkApprovals(BulkStore store, BulkRunner runner, ApprovalPolicy policy, ChannelAccounts accounts,
                  @Value("${disputehub.approvals.bulk-above:#{null}}") Integer bulkAbove, Clock clock) {
        this.store = store;
        this.runner = runner;
        this.policy = policy;
        this.accounts = accounts;
        this.bulkAbove = bulkAbove;
        this.clock = clock;
    }

    /** Whether this planned run waits for a supervisor. */
    boolean needed(BulkDecision bulk) {
        if (bulkAbove != null && bulk.progress().eligible() > bulkAbove) {
            return true;
        }
        return DecisionType.valueOf(bulk.decisionType()).movesMoney() && bulk.items().stream().filter(BulkItem::eligible)
                .anyMatch(i -> accounts.find(i.accountId()).flatMap(policy::limit).isPresent());
    }

    /** Runs it: each of its decisions counts as approved with it. */
    public void approve(UUID id, String reviewer, String reason) {
        answer(id, true, reviewer, reason);
        runner.start(id);
    }

    /** Nothing of it is sent. */
    public void reject(UUID id, String reviewer, String reason) {
        answer(id, false, reviewer, reason);
    }

    public List<UUID> pending() {
        return store.awaitingApproval();
    }

    private void answer(UUID id, boolean approved, String reviewer, String reason) {
        Approvals.checkReason(reason);
        BulkDecision bulk = store.find(id).orElseThrow(() -> new NotFoundException("no bulk decision " + id));
        if (bulk.requestedBy().equalsIgnoreCase(reviewer)) {
            throw new DecisionRefusedException(DecisionRefusedException.Kind.FOUR_EYES, List.of(
                    "four eyes: a bulk run is approved or refused by someone other than its requester (" + bulk.requestedBy() + ")"));
        }
        if (!store.review(id, approved, reviewer, reason.trim(), clock.instant())) {
            throw new DecisionRefusedException(DecisionRefusedException.Kind.CONFLICT, List.of(
                    "only a bulk run waiting for approval can be approved or refused; this one is " + bulk.state()));
        }
    }
}
