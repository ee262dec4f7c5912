package com.disputehub.decision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.disputehub.channel.Capabilities;
import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ChannelAdapter;
import com.disputehub.channel.DecisionTarget;
import com.disputehub.channel.command.DecisionCommand;
import com.disputehub.channel.command.EvidenceFile;
import com.disputehub.channel.runtime.ChannelAccounts;
import com.disputehub.channel.runtime.ChannelAdapters;
import com.disputehub.channel.support.EvidenceImages;
import com.disputehub.incident.Amounts;
import com.disputehub.incident.Incident;
import com.disputehub.incident.IncidentFiles;
import com.disputehub.incident.IncidentStore;
import com.disputehub.incident.OnBehalfOf;
import com.disputehub.incident.Texts;
import com.disputehub.incident.Timeline;
import com.disputehub.incident.TimelineText;
import com.disputehub.incident.TimelineText.Arg;

import tools.jackson.databind.ObjectMapper;

/**
 * Accepts a decision only if the channel supports it in the incident's status and it is complete; then writes
 * it to the outbox in the same transaction as the incident's timeline entry, or, above the approval limit, keeps it
 * out of the outbox until a supervisor approves it ({@link Approvals}). Same key and request, same decision.
 */
@Service
public class DecisionService {

    private final IncidentStore incidents;
    private final ChannelAccounts accounts;
    private final ChannelAdapters adapters;
    private final Decisions decisions;
    private final Timeline timeline;
    private final IncidentFiles files;
    private final ApprovalPolicy approvals;
    private final DecisionEvents events;
    private final Clock clock;
    private final ObjectMapper json;

    DecisionService(IncidentStore incidents, ChannelAccounts accounts, ChannelAdapters adapters, Decisions decisions,
                    Timeline timeline, IncidentFiles files, ApprovalPolicy approvals, DecisionEvents events, Clock clock,
                    ObjectMapper json) {
        this.incidents = incidents;
        this.accounts = accounts;
        this.adapters = adapters;
        this.decisions = decisions;
        this.timeline = timeline;
        this.files = files;
        this.approvals = approvals;
        this.events = events;
        this.clock = clock;
        this.json = json;
    }

    /** The new decision, or the one already made with this idempotency key. */
    @Transactional
    public Decision request(UUID incidentId, DecisionCommand command, String requestedBy, IdempotencyKey key) {
        return submit(incidentId, command, requestedBy, key).decision();
    }

    /**
     * Makes the decision once per key (DOMAIN X4). The database decides between racing requests: every racer gets
     * the one decision. The same key with another request (another incident, another decision) is refused, so a
     * client that changed its mind learns its change was not taken.
     */
    @Transactional
    public Submitted submit(UUID incidentId, DecisionCommand command, String requestedBy, IdempotencyKey key) {
        return submit(incidentId, command, requestedBy, null, key);
    }

    /** As {@link #submit(UUID, DecisionCommand, String, IdempotencyKey)}, noting who an ERP says it acts for. */
    @Transactional
    public Submitted submit(UUID incidentId, DecisionCommand command, String requestedBy, String onBehalfOf, IdempotencyKey key) {
        return submit(incidentId, command, requestedBy, onBehalfOf, key, false);
    }

    /** A decision of a bulk run a supervisor approved as a whole (X6): it needs no approval of its own. */
    @Transactional
    public Decision requestApproved(UUID incidentId, DecisionCommand command, String requestedBy, IdempotencyKey key) {
        return submit(incidentId, command, requestedBy, null, key, true).decision();
    }

    private Submitted submit(UUID incidentId, DecisionCommand command, String requestedBy, String onBehalfOf, IdempotencyKey key,
                             boolean approved) {
        Texts.check("requestedBy", requestedBy, Texts.NAME);
        Texts.check("onBehalfOf", onBehalfOf, Texts.NAME);
        String hash = requestHash(incidentId, command);
        Optional<Decisions.Keyed> earlier = decisions.findByKey(key);
        if (earlier.isPresent()) {
            return replay(earlier.get(), incidentId, hash);
        }
        Incident incident = incidents.find(incidentId).orElseThrow(() -> new IncidentNotFoundException(incidentId));
        ChannelAccount account = vet(incident, command);
        Instant now = clock.instant();
        boolean fourEyes = !approved && approvals.needsApproval(account, incident, command);
        Decision decision = new Decision(UUID.randomUUID(), incidentId, account.id(), account.channelType(), command,
                fourEyes ? DecisionState.APPROVAL_PENDING : DecisionState.REQUESTED, key, requestedBy, 0, null, null, now, now,
                null, null, onBehalfOf);
        if (!decisions.insertUnlessKeyTaken(decision, hash)) {
            return replay(decisions.findByKey(key).orElseThrow(), incidentId, hash);
        }
        for (EvidenceFile file : command.attachments()) {
            byte[] bytes = file.bytes();
            files.add(incidentId, decision.id(), file.fileName(), EvidenceImages.contentType(bytes), bytes);
        }
        timeline.append(incidentId, "DECISION_REQUESTED", requestedBy, OnBehalfOf.add(command.words(), onBehalfOf)
                .and(fourEyes ? "tl.awaitsApproval" : null));
        events.reached(decision.id());
        return new Submitted(decision, false);
    }

    /** A decision as {@link #submit} answers it: made now, or made earlier with the same key and request. */
    public record Submitted(Decision decision, boolean replayed) {
    }

    private static Submitted replay(Decisions.Keyed earlier, UUID incidentId, String hash) {
        boolean same = earlier.requestHash() == null ? earlier.decision().incidentId().equals(incidentId)
                : earlier.requestHash().equals(hash);
        if (!same) {
            throw new DecisionRefusedException(DecisionRefusedException.Kind.KEY_REUSED, List.of(
                    "idempotency key '" + earlier.decision().idempotencyKey().key() + "' was already used for another "
                            + "request (" + earlier.decision().command().describe() + " on incident "
                            + earlier.decision().incidentId() + "); that decision stands and this one was not made. "
                            + "Use a new key for a new decision."));
        }
        return new Submitted(earlier.decision(), true);
    }

    /** The incident and the whole decision, files included, as one fingerprint. */
    private String requestHash(UUID incidentId, DecisionCommand command) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(incidentId.toString().getBytes(StandardCharsets.UTF_8));
            sha.update(json.writerFor(DecisionCommand.class).writeValueAsBytes(command));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * Puts a FAILED decision back in the outbox; also an UNKNOWN one, once a person has checked the channel and
     * wants it sent again. Any other state is refused: it is waiting, sending, or settled.
     */
    @Transactional
    public Decision retry(UUID decisionId, String requestedBy) {
        Texts.check("requestedBy", requestedBy, Texts.NAME);
        Decision d = decisions.find(decisionId).orElseThrow(() -> new DecisionNotFoundException(decisionId));
        if (d.state() != DecisionState.FAILED && d.state() != DecisionState.UNKNOWN || !decisions.requeue(d.id(), d.state())) {
            throw new DecisionRefusedException(DecisionRefusedException.Kind.CONFLICT, List.of(
                    "only a FAILED or UNKNOWN decision can be retried; this one is " + d.state()));
        }
        timeline.append(d.incidentId(), "DECISION_RETRY", requestedBy, d.command().words()
                .and(d.state() == DecisionState.UNKNOWN ? "tl.retriedUnknown" : "tl.retried"));
        events.reached(d.id());
        return decisions.find(decisionId).orElseThrow();
    }

    /** What the channel allows for this incident now, for forms and the API. */
    public List<Capabilities.DecisionSpec> allowedFor(Incident incident) {
        return accounts.find(incident.accountId())
                .map(a -> adapters.get(a.channelType()).capabilities(a, DecisionTarget.of(incident)).allowedIn(incident.status()))
                .orElse(List.of());
    }

    /**
     * Checks a decision as {@link #request} would, without making it: a bulk dry run asks this for every incident.
     * Answers the incident's account; throws {@link DecisionRefusedException} with every reason otherwise.
     */
    public ChannelAccount vet(Incident incident, DecisionCommand command) {
        ChannelAccount account = accounts.find(incident.accountId()).orElseThrow(() -> new DecisionRefusedException(
                DecisionRefusedException.Kind.UNSUPPORTED,
                List.of("account '" + incident.accountId() + "' is not configured on this instance")));
        check(account, adapters.get(account.channelType()), incident, command);
        return account;
    }

    /** A decision's type: its label on pages, its name in the API. */
    private static Arg decision(DecisionCommand command) {
        return Arg.word("decision." + command.type().name(), command.type().name());
    }

    /** The incident's currency, from what the channel sent; null when it sent no amount. */
    private static String currency(Incident incident) {
        return incident.requestedRefund() != null ? incident.requestedRefund().currency()
                : incident.productValue() != null ? incident.productValue().currency() : null;
    }

    private static void check(ChannelAccount account, ChannelAdapter adapter, Incident incident, DecisionCommand command) {
        Capabilities capabilities = adapter.capabilities(account, DecisionTarget.of(incident));
        Optional<Capabilities.DecisionSpec> spec = capabilities.find(command.type());
        if (spec.isEmpty()) {
            TimelineText unsupported = TimelineText.of("pr.unsupported", Arg.value(account.channelType()), decision(command),
                    Arg.value(capabilities.decisions().stream().map(Capabilities.DecisionSpec::type).toList()));
            throw new DecisionRefusedException(List.of(capabilities.whereElse(command.type())
                    .map(elsewhere -> unsupported.and(TimelineText.verbatim(elsewhere))).orElse(unsupported)),
                    DecisionRefusedException.Kind.UNSUPPORTED);
        }
        if (!spec.get().allowedIn().contains(incident.status())) {
            String why = incident.flags().isEmpty() ? "" : "; " + String.join(", ", incident.flags());
            throw new DecisionRefusedException(List.of(TimelineText.of("pr.notAllowed", decision(command),
                    Arg.word("status." + incident.status().name(), incident.status().name()), Arg.word("owner.", incident.actionOwner()),
                    Arg.value(why), Arg.value(spec.get().allowedIn()))), DecisionRefusedException.Kind.NOT_ALLOWED);
        }
        List<TimelineText> problems = new ArrayList<>(command.textProblems());
        problems.addAll(command.problems());
        if (!command.attachments().isEmpty() && spec.get().fields().stream().noneMatch(f -> f.name().equals("evidence"))) {
            problems.add(TimelineText.of("pr.noFiles", TimelineText.field("evidence"), Arg.value(account.channelType()),
                    decision(command)));
        }
        String currency = currency(incident);
        command.amounts().forEach((field, amount) -> problems.addAll(Amounts.problems(field, amount, currency)));
        // the channel's own checks are in its rules' words, the same in every language
        adapter.validate(account, DecisionTarget.of(incident), command).forEach(p -> problems.add(TimelineText.verbatim(p)));
        if (!problems.isEmpty()) {
            throw new DecisionRefusedException(problems, DecisionRefusedException.Kind.INVALID);
        }
    }
}
