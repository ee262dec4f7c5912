package com.disputehub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.disputehub.channel.command.DecisionType;
import com.disputehub.decision.DecisionState;
import com.disputehub.incident.IncidentKind;
import com.disputehub.incident.IncidentStatus;
import com.disputehub.incident.PartyRole;
import com.disputehub.incident.ReasonCategory;

/** The pages' five languages stay in step: the same keys everywhere, every enum labelled, placeholders intact. */
class MessageBundlesTest {

    static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/messages" + suffix + ".properties")) {
            assertThat(in).as("bundle messages%s.properties", suffix).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"_es", "_it", "_nl", "_pt"})
    @DisplayName("every language has exactly the English keys, and keeps each text's {0} arguments")
    void sameKeys(String suffix) throws IOException {
        Properties english = bundle("");
        Properties other = bundle(suffix);
        assertThat(new TreeSet<>(other.stringPropertyNames())).isEqualTo(new TreeSet<>(english.stringPropertyNames()));
        for (String key : english.stringPropertyNames()) {
            String text = other.getProperty(key);
            for (String arg : new String[] {"{0}", "{1}"}) {
                assertThat(text.contains(arg)).as("%s%s keeps %s", key, suffix, arg).isEqualTo(english.getProperty(key).contains(arg));
            }
            if (text.contains("{0}")) {
                assertThat(text).as("%s%s: a quote would swallow the arguments (MessageFormat)", key, suffix).doesNotContain("'");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_es", "_it", "_nl", "_pt"})
    @DisplayName("every status, reason, kind, party, decision and decision state has a label")
    void enumsLabelled(String suffix) throws IOException {
        Set<String> keys = bundle(suffix).stringPropertyNames();
        Arrays.stream(IncidentStatus.values()).forEach(v -> assertThat(keys).contains("status." + v));
        Arrays.stream(ReasonCategory.values()).forEach(v -> assertThat(keys).contains("reason." + v));
        Arrays.stream(IncidentKind.values()).forEach(v -> assertThat(keys).contains("kind." + v));
        Arrays.stream(PartyRole.values()).forEach(v -> assertThat(keys).contains("party." + v));
        Arrays.stream(DecisionType.values()).forEach(v -> assertThat(keys).contains("decision." + v));
        Arrays.stream(DecisionState.values()).forEach(v -> assertThat(keys).contains("dstate." + v));
        for (String bulkOnly : new String[] {"INELIGIBLE", "WAITING", "SKIPPED"}) {
            assertThat(keys).contains("dstate." + bulkOnly);
        }
    }
}
