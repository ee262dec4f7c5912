package com.disputehub.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.disputehub.support.SandboxTest;

import tools.jackson.databind.JsonNode;

/** Rules switched to automatic decide once per incident, through the decision path, as the rule (DOMAIN S4). */
@TestPropertySource(properties = "disputehub.accounts.demo-dsers-es.options.playbook-auto=late-expedite,late-refund")
class AutoPlaybookTest extends SandboxTest {

    static final String DEMO = "demo-dsers-es";

    @Autowired
    AutoPlaybook auto;

    @Test
    @DisplayName("late-expedite and late-refund decide by themselves, once, marked as made by the rule; other accounts stay manual")
    void rulesDecideOnce() {
        poll(DEMO);
        poll("demo-tipsa-es");

        int made = auto.runAll();

        List<String> byRule = jdbc.sql("""
                select d.requested_by || ' ' || d.type || ' ' || i.external_id from decision d join incident i on i.id = d.incident_id
                order by i.external_id
                """).query(String.class).list();
        assertThat(made).isEqualTo(2);
        assertThat(byRule).containsExactly("rule:late-expedite ASK_EXPEDITE 8100000000000001/LATE",
                "rule:late-refund REFUND 8100000000000002/LATE");
        assertThat(auto.runAll()).as("a rule decides once per incident").isZero();

        String id = jdbc.sql("select id from incident where external_id = '8100000000000001/LATE'").query(String.class).single();
        JsonNode timeline = api.get("/api/incidents/" + id).body().get("timeline");
        assertThat(timeline.toString()).contains("rule:late-expedite").contains("Ask the supplier to expedite");
        decisions.decide(id, "{\"type\":\"ASK_EXPEDITE\"}"); // drains the outbox: the rule's decision is sent too
        assertThat(jdbc.sql("select state from decision where requested_by = 'rule:late-expedite'").query(String.class).single())
                .isEqualTo("SENT");
    }
}
