package com.disputehub.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.disputehub.channel.Capabilities;
import com.disputehub.channel.ChannelAccount;
import com.disputehub.decision.DecisionService;
import com.disputehub.incident.Incident;
import com.disputehub.incident.IncidentStore;
import com.disputehub.support.SandboxTest;

/** What the inbox suggests can be done: the playbook never proposes a decision the channel would refuse. */
class SuggestionsPossibleTest extends SandboxTest {

    @Autowired
    Playbook playbook;
    @Autowired
    DecisionService decisionService;
    @Autowired
    IncidentStore store;

    @Test
    @DisplayName("S4, M1, A5: for every demo incident, a suggested decision is one its channel allows now, and a complete one passes the decision path's check")
    void everySuggestionIsPossible() {
        for (ChannelAccount account : accounts.all()) {
            poll(account.id());
        }
        List<UUID> ids = jdbc.sql("select id from incident").query(UUID.class).list();
        int withDecision = 0;
        for (UUID id : ids) {
            Incident incident = store.find(id).orElseThrow();
            Suggestion suggestion = playbook.suggest(incident).orElse(null);
            if (suggestion == null || suggestion.decision() == null) {
                continue;
            }
            withDecision++;
            assertThat(decisionService.allowedFor(incident).stream().map(Capabilities.DecisionSpec::type))
                    .as(incident.channelType() + " " + incident.externalId() + " in " + incident.status() + ": " + suggestion.rule())
                    .contains(suggestion.decision());
            if (suggestion.automatable()) {
                assertThatCode(() -> decisionService.vet(incident, suggestion.command())).doesNotThrowAnyException();
            }
        }
        assertThat(withDecision).as("the demo has incidents with a suggested decision").isGreaterThan(5);
    }
}
