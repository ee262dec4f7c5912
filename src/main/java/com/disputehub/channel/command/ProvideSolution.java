package com.disputehub.channel.command;

import java.util.ArrayList;
import java.util.List;

import com.disputehub.incident.Texts;
import com.disputehub.incident.TimelineText;
import com.disputehub.incident.TimelineText.Arg;

/**
 * "Provide a solution" (DOMAIN C4): the seller agreed a redelivery with the customer and tells the carrier how,
 * in a short, specific free text (a new time slot, a corrected address detail, a phone number). The text is
 * trimmed; each carrier sets its own length limit.
 */
public record ProvideSolution(String text) implements DecisionCommand {

    public ProvideSolution {
        text = text == null ? null : text.trim().replaceAll("\\s+", " ");
    }

    @Override
    public DecisionType type() {
        return DecisionType.PROVIDE_SOLUTION;
    }

    @Override
    public List<TimelineText> problems() {
        List<TimelineText> problems = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            problems.add(Texts.required("text", "pr.why.solution"));
        }
        return problems;
    }

    @Override
    public TimelineText words() {
        return TimelineText.of("tld.solution", Arg.value(text));
    }
}
