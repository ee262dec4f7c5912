package com.disputehub.decision;

import java.math.BigDecimal;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.command.DecisionCommand;
import com.disputehub.channel.command.Refund;
import com.disputehub.incident.Incident;
import com.disputehub.incident.Money;

/**
 * Four eyes before big money moves (DOMAIN X6): a decision that gives the buyer money above the limit waits for a
 * supervisor. The limit is in the incident's currency: the account's option {@code approval-refund-above} ({@code
 * none} turns it off there), else {@code disputehub.approvals.refund-above}; without either, nothing waits. A
 * refund whose amount the channel did not give waits too: an unknown amount is not below any limit.
 */
@Component
public class ApprovalPolicy {

    static final String OPTION = "approval-refund-above";

    private final BigDecimal global;

    ApprovalPolicy(@Value("${disputehub.approvals.refund-above:}") String global) {
        this.global = global.isBlank() ? null : limit(global, "disputehub.approvals.refund-above");
    }

    /** Whether this decision on this incident waits for a supervisor's approval. */
    public boolean needsApproval(ChannelAccount account, Incident incident, DecisionCommand command) {
        if (!command.type().movesMoney()) {
            return false;
        }
        Optional<BigDecimal> limit = limit(account);
        if (limit.isEmpty()) {
            return false;
        }
        BigDecimal amount = amount(incident, command);
        return amount == null || amount.compareTo(limit.get()) > 0;
    }

    /** The account's limit, if any. */
    public Optional<BigDecimal> limit(ChannelAccount account) {
        Optional<String> own = account.option(OPTION);
        if (own.isPresent()) {
            return "none".equalsIgnoreCase(own.get().trim()) ? Optional.empty()
                    : Optional.of(limit(own.get(), "disputehub.accounts." + account.id() + ".options." + OPTION));
        }
        return Optional.ofNullable(global);
    }

    /** What the buyer gets: a detailed refund's amounts, else what the buyer asked for or the line's value. */
    static BigDecimal amount(Incident incident, DecisionCommand command) {
        if (command instanceof Refund refund && refund.mode() == Refund.Mode.DETAILED) {
            return refund.amounts().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        Money claimed = incident.requestedRefund() != null ? incident.requestedRefund() : incident.productValue();
        return claimed == null ? null : claimed.amount();
    }

    private static BigDecimal limit(String value, String setting) {
        try {
            BigDecimal limit = new BigDecimal(value.trim());
            if (limit.signum() < 0) {
                throw new NumberFormatException();
            }
            return limit;
        } catch (NumberFormatException e) {
            throw new IllegalStateException(setting + " must be an amount like 200 or 149.99, or none; it is '" + value + "'");
        }
    }
}
