package com.disputehub.playbook;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.disputehub.channel.Capabilities;
import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.command.DecisionType;
import com.disputehub.channel.command.MarkPackageSent;
import com.disputehub.channel.runtime.ChannelAccounts;
import com.disputehub.channel.support.BusinessCalendar;
import com.disputehub.decision.Decision;
import com.disputehub.decision.DecisionRefusedException;
import com.disputehub.decision.DecisionService;
import com.disputehub.decision.DecisionState;
import com.disputehub.decision.Decisions;
import com.disputehub.incident.Incident;

/**
 * Proposes the next step and its deadline for an incident, from the seeds' rules. A step that leads to a decision
 * is proposed only where the incident's channel takes that decision now, and a complete one only when the decision
 * path itself would accept it: the inbox never suggests what would then be refused.
 */
@Component
public class Playbook {

    static final String SEND_PACKAGE = "send-package";

    private final List<PlaybookRule> rules = SeedRules.all();
    private final ChannelAccounts accounts;
    private final DecisionService decisions;
    private final Decisions made;
    private final Clock clock;

    Playbook(ChannelAccounts accounts, DecisionService decisions, Decisions made, Clock clock) {
        this.accounts = accounts;
        this.decisions = decisions;
        this.made = made;
        this.clock = clock;
    }

    /** The first rule's possible suggestion; empty for a closed incident or one no rule covers. */
    public Optional<Suggestion> suggest(Incident incident) {
        if (!incident.status().isOpen()) {
            return Optional.empty();
        }
        BusinessCalendar calendar = calendar(accounts.find(incident.accountId()).orElse(null));
        Set<DecisionType> allowed = decisions.allowedFor(incident).stream().map(Capabilities.DecisionSpec::type)
                .collect(java.util.stream.Collectors.toSet());
        Optional<Suggestion> toSend = packageToSend(incident, allowed, calendar);
        if (toSend.isPresent()) {
            return toSend;
        }
        for (PlaybookRule rule : rules) {
            Optional<Suggestion> suggestion = rule.suggest(incident, clock.instant(), calendar)
                    .filter(s -> s.decision() == null || allowed.contains(s.decision()))
                    .filter(s -> !s.automatable() || accepted(incident, s));
            if (suggestion.isPresent()) {
                return suggestion;
            }
        }
        return Optional.empty();
    }

    /**
     * A claim package that was only recorded (a supplier without a claim API) must still be sent by the seller: that
     * is the next step until the seller marks it sent (DOMAIN S2). Never automatic: only a person can send it.
     */
    private Optional<Suggestion> packageToSend(Incident incident, Set<DecisionType> allowed, BusinessCalendar calendar) {
        if (!allowed.contains(DecisionType.MARK_PACKAGE_SENT)) {
            return Optional.empty();
        }
        List<Decision> history = made.ofIncident(incident.id());
        for (int i = history.size() - 1; i >= 0; i--) {
            Decision d = history.get(i);
            if (d.command().type() == DecisionType.MARK_PACKAGE_SENT) {
                return Optional.empty();
            }
            if (d.state() == DecisionState.RECORDED) {
                return Optional.of(new Suggestion(SEND_PACKAGE, DecisionType.MARK_PACKAGE_SENT,
                        "Send the claim package to the supplier's support, then mark it sent",
                        calendar.plusBusinessDays(d.updatedAt(), 1), "The supplier has no claim API: the claim reaches it "
                                + "only when you send the package (" + d.command().describe() + "; seed 001)",
                        new MarkPackageSent(null)));
            }
        }
        return Optional.empty();
    }

    private boolean accepted(Incident incident, Suggestion suggestion) {
        try {
            decisions.vet(incident, suggestion.command());
            return true;
        } catch (DecisionRefusedException e) {
            return false;
        }
    }

    /** The rules an account applies by itself: {@code options.playbook-auto}, comma-separated ids; none by default. */
    Set<String> automaticRules(ChannelAccount account) {
        Set<String> known = ruleIds();
        Set<String> chosen = new java.util.LinkedHashSet<>();
        for (String id : account.option("playbook-auto").orElse("").split(",")) {
            String rule = id.trim();
            if (rule.isEmpty()) {
                continue;
            }
            if (!known.contains(rule)) {
                throw new IllegalStateException("account '" + account.id() + "': options.playbook-auto names '" + rule
                        + "', not one of " + known);
            }
            chosen.add(rule);
        }
        return chosen;
    }

    Set<String> ruleIds() {
        Set<String> ids = new java.util.LinkedHashSet<>();
        rules.forEach(r -> ids.add(r.id()));
        return ids;
    }

    private static BusinessCalendar calendar(ChannelAccount account) {
        return account == null ? BusinessCalendar.mondayToFriday(ZoneId.of("UTC")) : BusinessCalendar.of(account, "UTC");
    }
}
