package com.disputehub.channel.command;

import java.util.List;

import com.disputehub.incident.Texts;
import com.disputehub.incident.TimelineText;
import com.disputehub.incident.TimelineText.Arg;

/** Tell the channel the incident is solved, with a resolution reason (DOMAIN M4, M7); the operator closes it. */
public record MarkResolved(String reasonCode) implements DecisionCommand {

    @Override
    public DecisionType type() {
        return DecisionType.MARK_RESOLVED;
    }

    @Override
    public List<TimelineText> problems() {
        return reasonCode == null || reasonCode.isBlank() ? List.of(Texts.required("reasonCode", null)) : List.of();
    }

    @Override
    public TimelineText words() {
        return TimelineText.of("tld.markResolved", Arg.value(reasonCode));
    }
}
