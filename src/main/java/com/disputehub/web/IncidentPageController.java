package com.disputehub.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.disputehub.access.Actor;
import com.disputehub.channel.Capabilities;
import com.disputehub.channel.command.DecisionCommand;
import com.disputehub.channel.command.DecisionType;
import com.disputehub.decision.Decision;
import com.disputehub.decision.DecisionRefusedException;
import com.disputehub.decision.DecisionService;
import com.disputehub.decision.DecisionState;
import com.disputehub.decision.Decisions;
import com.disputehub.decision.IdempotencyKey;
import com.disputehub.decision.IncidentNotFoundException;
import com.disputehub.grouping.Group;
import com.disputehub.access.Users;
import com.disputehub.channel.command.SendMessage;
import com.disputehub.channel.runtime.ChannelAccounts;
import com.disputehub.grouping.Groups;
import com.disputehub.incident.ExternalRefs;
import com.disputehub.incident.Incident;
import com.disputehub.incident.IncidentFiles;
import com.disputehub.incident.IncidentNotes;
import com.disputehub.incident.IncidentQueries;
import com.disputehub.incident.IncidentStore;
import com.disputehub.incident.IncidentView;
import com.disputehub.incident.Timeline;
import com.disputehub.incident.WorkStates;
import com.disputehub.playbook.Playbook;
import com.disputehub.playbook.Suggestion;

import tools.jackson.databind.ObjectMapper;

/** One incident in full, with the decisions its channel allows now, its notes and its groups. */
@Controller
class IncidentPageController {

    private final IncidentStore store;
    private final IncidentQueries queries;
    private final Timeline timeline;
    private final IncidentNotes notes;
    private final IncidentFiles files;
    private final Decisions decisions;
    private final DecisionService decisionService;
    private final DecisionForms forms;
    private final Playbook playbook;
    private final Groups groups;
    private final ObjectMapper json;
    private final ExternalRefs refs;
    private final Clock clock;
    private final WorkStates work;
    private final Users users;
    private final ReplyPicks replies;
    private final LivePages live;
    private final ChannelAccounts accounts;
    private final String trackingUrl;
    private final Words words;

    IncidentPageController(IncidentStore store, IncidentQueries queries, Timeline timeline, IncidentNotes notes,
                           IncidentFiles files, Decisions decisions, DecisionService decisionService, DecisionForms forms,
                           Playbook playbook, Groups groups, ExternalRefs refs, ObjectMapper json, Clock clock,
                           WorkStates work, Users users, ReplyPicks replies, LivePages live, ChannelAccounts accounts,
                           Words words, @Value("${disputehub.inbox.tracking-url:}") String trackingUrl) {
        this.words = words;
        this.accounts = accounts;
        this.trackingUrl = trackingUrl;
        this.live = live;
        this.replies = replies;
        this.work = work;
        this.users = users;
        this.store = store;
        this.refs = refs;
        this.queries = queries;
        this.timeline = timeline;
        this.notes = notes;
        this.files = files;
        this.decisions = decisions;
        this.decisionService = decisionService;
        this.forms = forms;
        this.playbook = playbook;
        this.groups = groups;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/inbox/incidents/{id}")
    String incident(@PathVariable UUID id, Model model) {
        Incident incident = find(id);
        List<Group> memberOf = groups.of(id);
        model.addAttribute("incident", incident);
        model.addAttribute("pageTitle", IncidentNames.title(incident));
        model.addAttribute("row", IncidentRow.of(incident, work.of(id), clock.instant()));
        model.addAttribute("assignables", users.assignableLogins());
        model.addAttribute("me", Actor.current());
        model.addAttribute("liveAfter", live.now());
        model.addAttribute("timeline", timeline.of(id));
        model.addAttribute("notes", notes.of(id));
        model.addAttribute("externalRefs", refs.of(id));
        model.addAttribute("order", OrderContext.of(incident.details(), trackingUrl));
        model.addAttribute("threads", ThreadChoice.of(incident));
        model.addAttribute("files", files.of(id));
        model.addAttribute("decisions", decisions.ofIncident(id));
        List<Capabilities.DecisionSpec> allowed = decisionService.allowedFor(incident);
        model.addAttribute("allowed", allowed);
        model.addAttribute("replies", replies.forIncident(incident, allowed.stream().map(Capabilities.DecisionSpec::type).toList()));
        // one-time keys: a double click or a resubmitted form finds the decision its first submit made (X4)
        model.addAttribute("formKeys", allowed.stream().collect(Collectors.toMap(s -> s.type(), s -> UUID.randomUUID())));
        model.addAttribute("suggestionKey", UUID.randomUUID());
        model.addAttribute("suggestion", playbook.suggest(incident).orElse(null));
        model.addAttribute("related", queries.relatedTo(incident));
        model.addAttribute("memberOf", memberOf);
        model.addAttribute("otherGroups", groups.all().stream().filter(g -> !g.isRule() && !memberOf.contains(g)).toList());
        model.addAttribute("raw", pretty(incident.rawPayload()));
        model.addAttribute("firstAbsence", incident.flags().contains(IncidentView.FIRST_ABSENCE_FLAG));
        return "incident";
    }

    /** A decision from one of the page's forms; refused ones come back with the channel's reasons. */
    @PostMapping("/inbox/incidents/{id}/decisions")
    String decide(@PathVariable UUID id, @RequestParam("type") String type, @RequestParam Map<String, String> params,
                  @RequestParam(name = DecisionForms.EVIDENCE, required = false) List<MultipartFile> evidence,
                  @RequestParam UUID formKey, Model model, RedirectAttributes flash) {
        DecisionCommand command = json.treeToValue(forms.decision(type, params, evidence), DecisionCommand.class);
        if (needsConfirmation(command, params)) {
            return confirm(id, command, "/inbox/incidents/" + id + "/decisions", params, model);
        }
        if (copiesOperatorAgainstHouseRule(find(id), command) && !Confirmation.given(params)) {
            Incident incident = find(id);
            model.addAttribute("incident", incident);
            return Confirmation.page(model, "copyOperator", new Object[] {incident.accountId()}, null,
                    "/inbox/incidents/" + id + "/decisions", params, "/inbox/incidents/" + id);
        }
        return request(id, command, formKey, flash);
    }

    /** Applies the playbook's complete suggestion, as computed now. */
    @PostMapping("/inbox/incidents/{id}/suggestion")
    String applySuggestion(@PathVariable UUID id, @RequestParam UUID formKey, @RequestParam Map<String, String> params,
                           Model model, RedirectAttributes flash) {
        Suggestion suggestion = playbook.suggest(find(id)).filter(Suggestion::automatable)
                .orElseThrow(() -> new IllegalArgumentException("this incident has no suggestion that can be applied as is"));
        if (needsConfirmation(suggestion.command(), params)) {
            return confirm(id, suggestion.command(), "/inbox/incidents/" + id + "/suggestion", params, model);
        }
        return request(id, suggestion.command(), formKey, flash);
    }

    /** M5: the account's operator asks sellers not to copy it on messages to the buyer (warn-copy-operator=yes). */
    private boolean copiesOperatorAgainstHouseRule(Incident incident, DecisionCommand command) {
        return command instanceof SendMessage message && message.to() == SendMessage.Recipients.BUYER_AND_OPERATOR
                && accounts.find(incident.accountId()).flatMap(a -> a.option("warn-copy-operator")).filter("yes"::equals).isPresent();
    }

    /** Money leaves only after a second look (X6); a decision with problems goes straight on to be refused with them. */
    private static boolean needsConfirmation(DecisionCommand command, Map<String, String> params) {
        return command.type().movesMoney() && command.problems().isEmpty() && !Confirmation.given(params);
    }

    private String confirm(UUID id, DecisionCommand command, String action, Map<String, String> params, Model model) {
        Incident incident = find(id);
        model.addAttribute("incident", incident);
        return Confirmation.page(model, command.type() == DecisionType.REFUND ? "refund" : "agree",
                new Object[] {incident.orderId()}, words.say(command.words()), action, params, "/inbox/incidents/" + id);
    }

    @PostMapping("/inbox/incidents/{id}/notes")
    String addNote(@PathVariable UUID id, @RequestParam String body) {
        find(id);
        if (body.isBlank()) {
            throw new IllegalArgumentException("a note needs some text");
        }
        notes.add(id, Actor.current(), body.trim());
        return "redirect:/inbox/incidents/" + id + "#notes";
    }

    @PostMapping("/inbox/incidents/{id}/groups")
    String changeGroup(@PathVariable UUID id, @RequestParam UUID groupId, @RequestParam(defaultValue = "add") String action) {
        find(id);
        if ("remove".equals(action)) {
            groups.remove(groupId, List.of(id));
        } else {
            groups.add(groupId, List.of(id));
        }
        return "redirect:/inbox/incidents/" + id + "#groups";
    }

    private String request(UUID id, DecisionCommand command, UUID formKey, RedirectAttributes flash) {
        try {
            DecisionService.Submitted submitted = decisionService.submit(id, command, Actor.current(), IdempotencyKey.form(formKey));
            Decision decision = submitted.decision();
            String notice = submitted.replayed() ? "notice.decisionAlreadySent"
                    : decision.state() == DecisionState.APPROVAL_PENDING ? "notice.decisionAwaitsApproval" : "notice.decisionAccepted";
            flash.addFlashAttribute("notice", new InboxController.Notice(notice, words.say(decision.command().words()), null));
        } catch (DecisionRefusedException e) {
            flash.addFlashAttribute("refusal", words.sayAll(e.words()));
        }
        return "redirect:/inbox/incidents/" + id;
    }

    private Incident find(UUID id) {
        return store.find(id).orElseThrow(() -> new IncidentNotFoundException(id));
    }

    private String pretty(String raw) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(raw));
        } catch (RuntimeException e) {
            return raw;
        }
    }
}
