package com.disputehub.playbook;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import com.disputehub.channel.command.DecisionCommand;
import com.disputehub.channel.command.DecisionType;

/**
 * The next step for an incident: the rule that says so, the decision it leads to (null when the step happens
 * outside DisputeHub, like calling the customer), the step in a sentence, its deadline, why, and a complete
 * command when the rule can make the decision by itself (only those can run automatically). {@code whyArgs} are the
 * numbers in {@code why}, for the pages to say it in the reader's language ({@code why.<rule>}).
 */
public record Suggestion(String rule, DecisionType decision, String step, Instant dueBy, String why,
                         DecisionCommand command, @JsonIgnore List<Object> whyArgs) {

    public Suggestion {
        whyArgs = whyArgs == null ? List.of() : List.copyOf(whyArgs);
    }

    public Suggestion(String rule, DecisionType decision, String step, Instant dueBy, String why, DecisionCommand command) {
        this(rule, decision, step, dueBy, why, command, List.of());
    }

    public boolean automatable() {
        return command != null;
    }
}
