package com.disputehub.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.support.SandboxTest;

/** Rules switched to automatic decide once per incident, through the decision path, as the rule (DOMAIN S4). */
class AutoPlaybookTest extends SandboxTest {

    static final String DEMO = "demo-dsers-es";

    @Autowired
    AutoPlaybook auto;
    @Autowired
    Playbook playbook;

    @Test
    @DisplayName("late-refund decides by itself once, marked as made by the rule, and the outbox sends it")
    void ruleDecidesOnce() {
        poll(DEMO);
        ChannelAccount account = accounts.find(DEMO).orElseThrow();

        int made = auto.run(account, Set.of("late-expedite", "late-refund"));

        List<String> byRule = jdbc.sql("""
                select d.requested_by || ' ' || d.type || ' ' || i.external_id from decision d join incident i on i.id = d.incident_id
                where i.account_id = ? and d.requested_by like 'rule:%' order by i.external_id
                """).param(DEMO).query(String.class).list();
        assertThat(byRule).contains("rule:late-refund REFUND 8100000000000002/LATE").hasSize(made)
                .allMatch(d -> d.startsWith("rule:late-expedite ASK_EXPEDITE") || d.startsWith("rule:late-refund REFUND"));
        assertThat(auto.run(account, Set.of("late-expedite", "late-refund"))).as("a rule decides once per incident").isZero();

        String id = jdbc.sql("select id from incident where external_id = '8100000000000002/LATE'").query(String.class).single();
        assertThat(api.get("/api/incidents/" + id).body().get("timeline").toString()).contains("rule:late-refund");
        decisions.decide(id, "{\"type\":\"ASK_EXPEDITE\"}"); // starts the dispatcher, which drains the rule's decision too
        // a DSers claim package is for the seller to send by hand: RECORDED, never SENT
        await().atMost(Duration.ofSeconds(15)).until(() -> "RECORDED".equals(jdbc.sql(
                "select state from decision where idempotency_key = ?").param("rule:late-refund:" + id).query(String.class).single()));
    }

    @Test
    @DisplayName("Automatic rules are off unless an account names them; a misspelt rule is a clear error")
    void configuration() {
        ChannelAccount none = account(Map.of());
        ChannelAccount two = account(Map.of("playbook-auto", "late-expedite, late-refund"));
        ChannelAccount typo = account(Map.of("playbook-auto", "late-expidite"));

        assertThat(playbook.automaticRules(none)).isEmpty();
        assertThat(playbook.automaticRules(two)).containsExactly("late-expedite", "late-refund");
        assertThatThrownBy(() -> playbook.automaticRules(typo)).hasMessageContaining("'late-expidite'")
                .hasMessageContaining("late-expedite");
    }

    private static ChannelAccount account(Map<String, String> options) {
        return new ChannelAccount("x", "dsers", URI.create("http://127.0.0.1:1"), Duration.ofMinutes(1), false, Map.of(), options);
    }
}
