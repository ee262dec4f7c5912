package com.disputehub.playbook;

import java.time.Instant;

import com.disputehub.channel.command.DecisionCommand;
import com.disputehub.channel.command.DecisionType;

/**
 * The next step for an incident: the rule that says so, the decision it leads to (null when the step happens
 * outside DisputeHub, like calling the customer), the step in a sentence, its deadline, why, and a complete
 * command when the rule can make the decision by itself (only those can run automatically).
 */
public record Suggestion(String rule, DecisionType decision, String step, Instant dueBy, String why,
                         DecisionCommand command) {

    public boolean automatable() {
        return command != null;
    }
}
