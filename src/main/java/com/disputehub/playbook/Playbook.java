package com.disputehub.playbook;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.disputehub.channel.BusinessCalendar;
import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ChannelAccounts;
import com.disputehub.incident.Incident;

/** Proposes the next step and its deadline for an incident, from the seeds' rules. */
@Component
public class Playbook {

    private final List<PlaybookRule> rules = SeedRules.all();
    private final ChannelAccounts accounts;
    private final Clock clock;

    Playbook(ChannelAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The first rule's suggestion; empty for a closed incident or one no rule covers. */
    public Optional<Suggestion> suggest(Incident incident) {
        if (!incident.status().isOpen()) {
            return Optional.empty();
        }
        BusinessCalendar calendar = calendar(accounts.find(incident.accountId()).orElse(null));
        for (PlaybookRule rule : rules) {
            Optional<Suggestion> suggestion = rule.suggest(incident, clock.instant(), calendar);
            if (suggestion.isPresent()) {
                return suggestion;
            }
        }
        return Optional.empty();
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
        String zone = account == null ? "UTC" : account.option("time-zone").orElse("UTC");
        return BusinessCalendar.mondayToFriday(ZoneId.of(zone));
    }
}
