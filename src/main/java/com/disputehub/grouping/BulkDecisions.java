package com.disputehub.grouping;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.command.DecisionCommand;
import com.disputehub.channel.command.DecisionType;
import com.disputehub.channel.runtime.ChannelAccounts;
import com.disputehub.decision.DecisionRefusedException;
import com.disputehub.decision.DecisionService;
import com.disputehub.incident.Incident;
import com.disputehub.incident.IncidentMessage;
import com.disputehub.incident.IncidentStore;
import com.disputehub.incident.Texts;
import com.disputehub.incident.TimelineText;
import com.disputehub.incident.TimelineText.Arg;

import tools.jackson.databind.ObjectMapper;

/**
 * Plans a bulk decision (the dry run: every selected incident, eligible or not and why, nothing sent) and runs a
 * confirmed plan. Eligibility is the decision path's own check, so the dry run and the real requests agree.
 */
@Service
public class BulkDecisions {

    /** The most incidents one bulk decision covers; a larger selection is refused with a hint to narrow it. */
    public static final int MAX_SELECTION = Selections.MAX;

    private final BulkStore store;
    private final BulkRunner runner;
    private final Groups groups;
    private final IncidentStore incidents;
    private final DecisionService decisions;
    private final ChannelAccounts accounts;
    private final ObjectMapper json;
    private final Clock clock;
    private final BulkApprovals approvals;
    private final Selections selections;

    BulkDecisions(BulkStore store, BulkRunner runner, Groups groups, IncidentStore incidents,
                  DecisionService decisions, ChannelAccounts accounts, ObjectMapper json, Clock clock, BulkApprovals approvals,
                  Selections selections) {
        this.selections = selections;
        this.approvals = approvals;
        this.store = store;
        this.runner = runner;
        this.groups = groups;
        this.incidents = incidents;
        this.decisions = decisions;
        this.accounts = accounts;
        this.json = json;
        this.clock = clock;
    }

    /** Plans the request; unless it is a dry run, confirms the plan at once. */
    public BulkDecision submit(BulkRequest request) {
        if (request.selection() == null) {
            throw new IllegalArgumentException("'selection' is required: 'incidentIds', a 'filter' or a 'groupId'");
        }
        request.selection().check();
        DecisionTemplate template = new DecisionTemplate(request.decision(), request.translations());
        template.check(json);
        List<UUID> ids = selections.resolve(request.selection(), request.requestedBy());
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("the selection holds no incident");
        }
        List<BulkStore.PlannedItem> items = new ArrayList<>();
        Map<UUID, Incident> found = new LinkedHashMap<>();
        List<UUID> unknown = new ArrayList<>();
        for (UUID id : ids) {
            incidents.find(id).ifPresentOrElse(incident -> {
                found.put(id, incident);
                items.add(plan(incident, template));
            }, () -> unknown.add(id));
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no incident " + unknown.stream().limit(10).toList()
                    + (unknown.size() > 10 ? " and " + (unknown.size() - 10) + " more" : ""));
        }
        List<BulkStore.PlannedItem> plan = DecisionType.SEND_MESSAGE.name().equals(template.type()) && !request.messageEachIncident()
                ? onePerConversation(items, found, template) : items;
        UUID bulkId = UUID.randomUUID();
        String requestedBy = request.requestedBy() == null || request.requestedBy().isBlank() ? "api"
                : Texts.check("requestedBy", request.requestedBy().trim(), Texts.NAME);
        store.insert(bulkId, requestedBy, template.type(), json.writeValueAsString(template),
                request.selection().describe(groups), clock.instant(), plan);
        return request.dryRun() ? find(bulkId) : confirm(bulkId);
    }

    /**
     * Runs a planned bulk decision, or, when it needs four eyes, makes it wait for a supervisor; confirming one that
     * already runs or waits changes nothing.
     */
    public BulkDecision confirm(UUID id) {
        BulkDecision bulk = find(id);
        if (BulkStore.PLANNED.equals(bulk.state())) {
            if (bulk.progress().eligible() == 0) {
                throw new DecisionRefusedException(DecisionRefusedException.Kind.CONFLICT,
                        List.of("nothing to send: no selected incident is eligible for " + bulk.decisionType()));
            }
            if (approvals.needed(bulk)) {
                store.awaitApproval(id, clock.instant());
            } else if (store.confirm(id, clock.instant())) {
                runner.start(id);
            }
        }
        return find(id);
    }

    /**
     * Sends the failed decisions of a bulk decision again (each through {@link DecisionService#retry}); rejected
     * ones are the channel's final word and unknown ones need a person's check first, so they stay.
     */
    public void retryFailed(UUID id, String requestedBy) {
        for (BulkItem item : find(id).items()) {
            if ("FAILED".equals(item.state())) {
                decisions.retry(item.decisionId(), requestedBy == null || requestedBy.isBlank() ? "api" : requestedBy);
            }
        }
    }

    public BulkDecision find(UUID id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("no bulk decision " + id));
    }

    /**
     * One buyer, one message (X3): eligible incidents that share a conversation (a Mirakl order's lines share
     * the buyer and the thread) get one message, with the first of them, whose {@code {lines}} lists them all; the
     * others are shown in the dry run as answered with it.
     */
    private List<BulkStore.PlannedItem> onePerConversation(List<BulkStore.PlannedItem> items, Map<UUID, Incident> found,
                                                           DecisionTemplate template) {
        Map<String, List<Incident>> conversations = new LinkedHashMap<>();
        for (BulkStore.PlannedItem item : items) {
            if (item.eligible()) {
                Incident incident = found.get(item.incidentId());
                conversations.computeIfAbsent(conversation(incident), k -> new ArrayList<>()).add(incident);
            }
        }
        List<BulkStore.PlannedItem> planned = new ArrayList<>();
        for (BulkStore.PlannedItem item : items) {
            List<Incident> together = item.eligible() ? conversations.get(conversation(found.get(item.incidentId()))) : List.of();
            if (together.size() < 2) {
                planned.add(item);
            } else if (together.get(0).id().equals(item.incidentId())) {
                planned.add(plan(together.get(0), together, template));
            } else {
                planned.add(BulkStore.PlannedItem.refused(item.incidentId(), "SAME_CONVERSATION",
                        List.of(TimelineText.of("pr.sameConversation", Arg.value(together.get(0).externalId())))));
            }
        }
        return planned;
    }

    /** The conversation with the buyer an incident's messages go to: its thread, else its order, on its account. */
    private static String conversation(Incident incident) {
        String thread = null;
        for (IncidentMessage m : incident.messages()) {
            if (m.threadId() != null && !m.threadId().isBlank()) {
                thread = m.threadId();
            }
        }
        return incident.accountId() + "|" + (thread != null ? "thread:" + thread
                : incident.orderId() != null ? "order:" + incident.orderId() : "incident:" + incident.id());
    }

    private BulkStore.PlannedItem plan(Incident incident, DecisionTemplate template) {
        return plan(incident, List.of(incident), template);
    }

    private BulkStore.PlannedItem plan(Incident incident, List<Incident> conversation, DecisionTemplate template) {
        UUID incidentId = incident.id();
        DecisionCommand command;
        try {
            command = template.render(incident, conversation, language(incident), json);
        } catch (DecisionTemplate.TemplateException e) {
            // A channel that does not take the decision at all, or not now, says more than an empty placeholder.
            return channelRefusal(incident, template).orElse(
                    BulkStore.PlannedItem.refused(incidentId, "TEMPLATE", List.of(TimelineText.verbatim(e.getMessage()))));
        }
        try {
            decisions.vet(incident, command);
        } catch (DecisionRefusedException e) {
            return BulkStore.PlannedItem.refused(incidentId, refusal(e.kind()), e.words());
        }
        return new BulkStore.PlannedItem(incidentId, true, null, null, json.writerFor(DecisionCommand.class).writeValueAsString(command));
    }

    private Optional<BulkStore.PlannedItem> channelRefusal(Incident incident, DecisionTemplate template) {
        try {
            decisions.vet(incident, json.treeToValue(template.decision(), DecisionCommand.class));
        } catch (DecisionRefusedException e) {
            if (e.kind() == DecisionRefusedException.Kind.UNSUPPORTED || e.kind() == DecisionRefusedException.Kind.NOT_ALLOWED) {
                return Optional.of(BulkStore.PlannedItem.refused(incident.id(), refusal(e.kind()), e.words()));
            }
        }
        return Optional.empty();
    }

    static String refusal(DecisionRefusedException.Kind kind) {
        return switch (kind) {
            case UNSUPPORTED -> "UNSUPPORTED";
            case NOT_ALLOWED -> "WRONG_STATUS";
            case INVALID -> "INCOMPLETE";
            case CONFLICT, KEY_REUSED, FOUR_EYES -> "CONFLICT";
        };
    }

    /** The buyer's language: the account's {@code locale} option (es_ES gives es); null when unset. */
    private String language(Incident incident) {
        return accounts.find(incident.accountId()).flatMap(ChannelAccount::language).orElse(null);
    }
}
