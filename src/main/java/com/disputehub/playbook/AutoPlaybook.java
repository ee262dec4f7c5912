package com.disputehub.playbook;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.runtime.ChannelAccounts;
import com.disputehub.decision.DecisionRefusedException;
import com.disputehub.decision.DecisionService;
import com.disputehub.decision.IdempotencyKey;
import com.disputehub.incident.Incident;
import com.disputehub.incident.IncidentFilter;
import com.disputehub.incident.IncidentPage;
import com.disputehub.incident.IncidentQueries;

/**
 * Applies the rules an account switched to automatic ({@code options.playbook-auto}; off by default), every
 * {@code disputehub.playbook.interval}. Each decision goes through {@link DecisionService} like a person's,
 * requested by {@code rule:<id>}, with the key {@code rule:<id>:<incident>}: a rule decides once per incident.
 */
@Component
public class AutoPlaybook {

    private static final Logger log = LoggerFactory.getLogger(AutoPlaybook.class);

    private final Playbook playbook;
    private final ChannelAccounts accounts;
    private final IncidentQueries queries;
    private final DecisionService decisions;
    private final Duration interval;
    private final Clock clock;

    AutoPlaybook(Playbook playbook, ChannelAccounts accounts, IncidentQueries queries, DecisionService decisions,
                 @Value("${disputehub.playbook.interval:1m}") Duration interval, Clock clock) {
        this.clock = clock;
        this.playbook = playbook;
        this.accounts = accounts;
        this.queries = queries;
        this.decisions = decisions;
        this.interval = interval;
        accounts.all().forEach(playbook::automaticRules); // a misspelt rule stops the start, not a run at night
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule(ApplicationReadyEvent event) {
        if (!interval.isZero()) {
            event.getApplicationContext().getBean(TaskScheduler.class).scheduleWithFixedDelay(this::runAll, interval);
        }
    }

    /** One pass over every account with automatic rules; answers how many decisions it requested. */
    public int runAll() {
        int made = 0;
        for (ChannelAccount account : accounts.all()) {
            Set<String> rules = playbook.automaticRules(account);
            if (!rules.isEmpty()) {
                made += run(account, rules);
            }
        }
        return made;
    }

    /** One pass over one account with the given rules (the scheduled pass reads them from its options). */
    int run(ChannelAccount account, Set<String> rules) {
        int made = 0;
        String after = null;
        IncidentFilter filter = IncidentFilter.all().withAccount(account.id());
        do {
            IncidentPage page = queries.search(filter, after, 200);
            for (Incident incident : page.items()) {
                Optional<Suggestion> suggestion = playbook.suggest(incident);
                if (suggestion.isPresent() && suggestion.get().automatable() && rules.contains(suggestion.get().rule())) {
                    made += apply(incident, suggestion.get()) ? 1 : 0;
                }
            }
            after = page.next();
        } while (after != null);
        return made;
    }

    private boolean apply(Incident incident, Suggestion suggestion) {
        try {
            return !decisions.submit(incident.id(), suggestion.command(), "rule:" + suggestion.rule(),
                    IdempotencyKey.rule(suggestion.rule(), incident.id())).replayed();
        } catch (DecisionRefusedException e) {
            log.info("Rule {} did not decide on incident {}: {}", suggestion.rule(), incident.id(), e.getMessage());
            return false;
        }
    }
}
