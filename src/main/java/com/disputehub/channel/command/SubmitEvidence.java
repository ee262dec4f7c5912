package com.disputehub.channel.command;

import java.util.ArrayList;
import java.util.List;

import com.disputehub.incident.TimelineText;
import com.disputehub.incident.TimelineText.Arg;

/**
 * Sends the buyer's photos or videos to the supplier (DOMAIN S2): wrong, missing or damaged goods are only
 * verified with visual proof. At least one file; which kinds and sizes are accepted is the channel's check.
 */
public record SubmitEvidence(String message, List<EvidenceFile> evidence) implements DecisionCommand {

    public SubmitEvidence {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    @Override
    public DecisionType type() {
        return DecisionType.SUBMIT_EVIDENCE;
    }

    @Override
    public List<TimelineText> problems() {
        List<TimelineText> problems = new ArrayList<>(SupplierMessages.problems(message));
        if (evidence.isEmpty()) {
            problems.add(TimelineText.of("pr.evidenceSupplier", TimelineText.field("evidence")));
        }
        return problems;
    }

    @Override
    public List<EvidenceFile> attachments() {
        return evidence;
    }

    @Override
    public SubmitEvidence withAttachments(List<EvidenceFile> files) {
        return new SubmitEvidence(message, files);
    }

    @Override
    public TimelineText words() {
        return SupplierMessages.with(TimelineText.of("tld.evidence", Arg.value(evidence.size())), message);
    }
}
