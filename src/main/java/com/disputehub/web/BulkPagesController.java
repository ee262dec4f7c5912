package com.disputehub.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import com.disputehub.access.Actor;
import com.disputehub.channel.command.DecisionType;
import com.disputehub.grouping.BulkDecision;
import com.disputehub.grouping.BulkDecisions;
import com.disputehub.grouping.BulkItem;
import com.disputehub.grouping.BulkRequest;
import com.disputehub.grouping.DecisionTemplate;
import com.disputehub.grouping.Groups;
import com.disputehub.grouping.Selection;
import com.disputehub.incident.FilterForm;
import com.disputehub.incident.IncidentFilter;
import com.disputehub.incident.IncidentQueries;

import tools.jackson.databind.ObjectMapper;

/**
 * Bulk answering: the form (one decision, placeholders, per-language texts) for the ticked incidents, a filter or
 * a group; then always the dry run's page (eligible, ineligible and why) with the confirm button; then live progress.
 */
@Controller
class BulkPagesController {

    private final BulkDecisions bulk;
    private final DecisionForms forms;
    private final Groups groups;
    private final IncidentQueries queries;

    private final ReplyPicks replies;
    private final ObjectMapper json;
    private final Words words;
    private final IncidentNames names;

    BulkPagesController(BulkDecisions bulk, DecisionForms forms, Groups groups, IncidentQueries queries, ReplyPicks replies,
                        ObjectMapper json, Words words, IncidentNames names) {
        this.json = json;
        this.words = words;
        this.names = names;
        this.replies = replies;
        this.bulk = bulk;
        this.forms = forms;
        this.groups = groups;
        this.queries = queries;
    }

    @GetMapping("/inbox/bulk/new")
    String form(@RequestParam(name = "ids", required = false) List<UUID> ids, @RequestParam(required = false) String scope,
                FilterForm filter, @RequestParam(required = false) UUID group,
                @RequestParam(name = "type", required = false) DecisionType type, Model model) {
        boolean byFilter = "filter".equals(scope);
        if (!byFilter && (ids == null || ids.isEmpty())) {
            throw new IllegalArgumentException("tick at least one incident, or answer everything the filter shows");
        }
        model.addAttribute("ids", byFilter ? List.of() : ids);
        model.addAttribute("byFilter", byFilter);
        model.addAttribute("filter", filter);
        model.addAttribute("group", group);
        model.addAttribute("activeGroup", group == null ? null : groups.find(group));
        model.addAttribute("count", byFilter ? queries.counts(members(filter, group)).all() : ids.size());
        model.addAttribute("types", forms.typesOffered());
        model.addAttribute("type", type);
        model.addAttribute("fields", type == null ? List.of() : forms.fieldsOf(type));
        model.addAttribute("replies", type == null ? List.of() : replies.forBulk(type));
        model.addAttribute("placeholders", DecisionTemplate.PLACEHOLDERS.stream().sorted().map(p -> "{" + p + "}").toList());
        model.addAttribute("max", BulkDecisions.MAX_SELECTION);
        return "bulk-new";
    }

    /** Always a dry run: nothing is sent before the confirm button on the next page. */
    @PostMapping("/inbox/bulk")
    String dryRun(@RequestParam(name = "ids", required = false) List<UUID> ids, @RequestParam(required = false) String scope,
                  FilterForm filter, @RequestParam(required = false) UUID group, @RequestParam("type") String type,
                  @RequestParam Map<String, String> params,
                  @RequestParam(name = DecisionForms.EVIDENCE, required = false) List<MultipartFile> evidence) {
        Selection selection = "filter".equals(scope) ? Selection.ofGroup(group, filter) : Selection.ofIds(ids);
        BulkDecision planned = bulk.submit(new BulkRequest(selection, forms.decision(type, params, evidence),
                DecisionForms.translations(params), Actor.current(), true));
        return "redirect:/inbox/bulk/" + planned.id();
    }

    @GetMapping("/inbox/bulk/{id}")
    String show(@PathVariable UUID id, Model model) {
        BulkDecision found = bulk.find(id);
        model.addAttribute("bulk", found);
        model.addAttribute("examples", found.items().stream().filter(BulkItem::eligible).limit(3)
                .map(item -> BulkExample.of(item, json, words, names)).toList());
        return "bulk";
    }

    @PostMapping("/inbox/bulk/{id}/confirm")
    String confirm(@PathVariable UUID id) {
        bulk.confirm(id);
        return "redirect:/inbox/bulk/" + id;
    }

    @PostMapping("/inbox/bulk/{id}/retry-failed")
    String retryFailed(@PathVariable UUID id) {
        bulk.retryFailed(id, Actor.current());
        return "redirect:/inbox/bulk/" + id;
    }

    private IncidentFilter members(FilterForm filter, UUID group) {
        IncidentFilter checked = filter.forViewer(Actor.current()).toFilter();
        return group == null ? checked : groups.members(group, checked);
    }
}
