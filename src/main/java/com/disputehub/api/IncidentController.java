package com.disputehub.api;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.disputehub.access.Actor;
import com.disputehub.channel.command.DecisionCommand;
import com.disputehub.channel.runtime.KnownFilters;
import com.disputehub.decision.Decision;
import com.disputehub.decision.DecisionService;
import com.disputehub.decision.Decisions;
import com.disputehub.decision.IdempotencyKey;
import com.disputehub.decision.IncidentNotFoundException;
import com.disputehub.grouping.Groups;
import com.disputehub.incident.ExternalRefs;
import com.disputehub.incident.FileNames;
import com.disputehub.incident.FilterForm;
import com.disputehub.incident.Incident;
import com.disputehub.incident.IncidentFile;
import com.disputehub.incident.IncidentFiles;
import com.disputehub.incident.IncidentFilter;
import com.disputehub.incident.IncidentNote;
import com.disputehub.incident.IncidentNotes;
import com.disputehub.incident.IncidentPage;
import com.disputehub.incident.IncidentQueries;
import com.disputehub.incident.IncidentSort;
import com.disputehub.incident.IncidentStore;
import com.disputehub.incident.TabCounts;
import com.disputehub.incident.Timeline;
import com.disputehub.incident.WorkStates;
import com.disputehub.playbook.Playbook;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Incidents: list with filters and keyset pages, one in full, internal notes, and new decisions. */
@Tag(name = "Incidents", description = "Normalized incidents, their notes, files and decisions")
@RestController
@RequestMapping("/api/incidents")
class IncidentController {

    static final int MAX_LIMIT = 200;

    private final IncidentQueries queries;
    private final IncidentStore store;
    private final Timeline timeline;
    private final IncidentNotes notes;
    private final Decisions decisions;
    private final DecisionService decisionService;
    private final IncidentFiles files;
    private final ObjectMapper json;
    private final Playbook playbook;
    private final Groups groups;
    private final KnownFilters knownFilters;
    private final ExternalRefs refs;
    private final IdempotentRequests idempotent;
    private final WorkStates work;
    private final Clock clock;

    IncidentController(IncidentQueries queries, IncidentStore store, Timeline timeline, IncidentNotes notes,
                       Decisions decisions, DecisionService decisionService, IncidentFiles files, ObjectMapper json,
                       Playbook playbook, Groups groups, KnownFilters knownFilters, ExternalRefs refs,
                       IdempotentRequests idempotent, WorkStates work, Clock clock) {
        this.work = work;
        this.clock = clock;
        this.refs = refs;
        this.idempotent = idempotent;
        this.knownFilters = knownFilters;
        this.playbook = playbook;
        this.groups = groups;
        this.queries = queries;
        this.store = store;
        this.timeline = timeline;
        this.notes = notes;
        this.decisions = decisions;
        this.decisionService = decisionService;
        this.files = files;
        this.json = json;
    }

    /**
     * Filters (all optional, see {@link FilterForm}): channel, account, kind, status, reason, view (the inbox tab:
     * action-needed, first-absence, decision-sent, waiting, closed), order, text (order, product, buyer, reason
     * label, messages), sku (prefix), amountMin, amountMax, deadline (overdue, due-today), ref, assignee (a login,
     * me, none), snoozed and pinned (yes, no), group; sort is recent (default) or deadline.
     */
    @Operation(operationId = "listIncidents", summary = "Incidents with filters, sorted, in keyset pages")
    @GetMapping
    Page list(FilterForm form, @RequestParam(required = false) UUID group, @RequestParam(required = false) String sort,
              @RequestParam(required = false) String after, @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
        IncidentPage page = queries.search(filter(form, group), IncidentSort.parse(sort), after, limit);
        return new Page(IncidentSummary.of(page.items(), work, clock.instant()), page.next());
    }

    /** How many incidents each tab holds under the same filters (the view is ignored). */
    @Operation(operationId = "countIncidents", summary = "How many incidents each inbox tab holds, under the same filters")
    @GetMapping("/counts")
    TabCounts counts(FilterForm form, @RequestParam(required = false) UUID group) {
        return queries.counts(filter(form, group));
    }

    private IncidentFilter filter(FilterForm form, UUID group) {
        IncidentFilter filter = knownFilters.check(form.forViewer(Actor.current()));
        return group == null ? filter : groups.members(group, filter);
    }

    @Operation(operationId = "getIncident", summary = "One incident in full: timeline, notes, decisions, files, what is allowed now, the next step")
    @GetMapping("/{id}")
    IncidentDetail get(@PathVariable UUID id) {
        Incident incident = store.find(id).orElseThrow(() -> new IncidentNotFoundException(id));
        return new IncidentDetail(IncidentDetail.withoutRaw(incident), timeline.of(id), notes.of(id),
                decisions.ofIncident(id).stream().map(DecisionView::of).toList(), files.of(id),
                decisionService.allowedFor(incident), playbook.suggest(incident).orElse(null),
                IncidentSummary.of(queries.relatedTo(incident), work, clock.instant()), refs.of(id), work.of(id),
                json.readTree(incident.rawPayload()));
    }

    @Operation(operationId = "setExternalRefs", summary = "Set the ERP's own references on an incident (case number, credit note), replacing them all",
            description = "A JSON object of up to " + ExternalRefsRequest.MAX_REFS + " names and values; {} removes them. "
                    + "They show on the incident page, filter the list (ref=value or ref=name:value) and travel in events.")
    @PutMapping("/{id}/external-refs")
    Map<String, String> setExternalRefs(@PathVariable UUID id, @RequestBody Map<String, String> references) {
        store.find(id).orElseThrow(() -> new IncidentNotFoundException(id));
        Map<String, String> checked = ExternalRefsRequest.check(references);
        store.setExternalRefs(id, checked, Actor.current());
        return refs.of(id);
    }

    /** A file sent with a decision (an evidence image), as it was stored. */
    @Operation(operationId = "getIncidentFile", summary = "A file sent with a decision, as stored")
    @GetMapping("/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable UUID id, @PathVariable long fileId) {
        IncidentFile file = files.of(id).stream().filter(f -> f.id() == fileId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("incident " + id + " has no file " + fileId));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, FileNames.disposition(file.fileName(), file.contentType()))
                .body(files.content(id, fileId).orElseThrow());
    }

    @Operation(operationId = "addNote", summary = "Add an internal note (never sent to a channel)",
            description = "With an Idempotency-Key, the same request again answers the same note (Idempotent-Replayed: true).")
    @PostMapping("/{id}/notes")
    ResponseEntity<IncidentNote> addNote(@PathVariable UUID id, @RequestBody NoteRequest request,
                                         @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        store.find(id).orElseThrow(() -> new IncidentNotFoundException(id));
        if (request.body() == null || request.body().isBlank()) {
            throw new IllegalArgumentException("'body' is required");
        }
        IdempotentRequests.Outcome<IncidentNote> outcome = idempotent.once(key, Actor.current(), "note on " + id, request,
                () -> notes.add(id, Actor.current(), request.body(), request.onBehalfOf()), IncidentNote::id,
                note -> notes.find(Long.parseLong(note)).orElse(null));
        return ResponseEntity.status(201).header("Idempotent-Replayed", String.valueOf(outcome.replayed()))
                .body(outcome.resource());
    }

    /**
     * Accepts a decision (202) after validating it; an {@code Idempotency-Key} header makes a repeated request
     * answer the same decision instead of making a second one ({@code Idempotent-Replayed: true}), and the same key
     * with another request a 422 problem.
     */
    @Operation(operationId = "decide", summary = "Request a decision (202); the outbox sends it to the channel exactly once")
    @PostMapping(path = "/{id}/decisions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DecisionView> decide(@PathVariable UUID id,
                                        @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                                                schema = @Schema(implementation = DecisionCommand.class))) @RequestBody String body,
                                        @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        // read as it came, so that amounts keep their exact text (X1); onBehalfOf is the caller's word about whom it
        // acts for, kept beside the decision and never part of it (X6)
        DecisionCommand command = json.readValue(body, DecisionCommand.class);
        JsonNode onBehalfOf = json.readTree(body).get("onBehalfOf");
        String actor = Actor.current();
        DecisionService.Submitted submitted = decisionService.submit(id, command, actor,
                onBehalfOf == null || onBehalfOf.isNull() ? null : onBehalfOf.asString(),
                key == null ? IdempotencyKey.none() : IdempotencyKey.client(actor, key));
        Decision decision = submitted.decision();
        return ResponseEntity.accepted().location(URI.create("/api/decisions/" + decision.id()))
                .header("Idempotent-Replayed", String.valueOf(submitted.replayed()))
                .body(DecisionView.of(decision));
    }

    /** A page of incidents and the token for the next one ({@code after}), null at the end. */
    record Page(List<IncidentSummary> items, String next) {
    }

    /** An internal note: never sent to any channel; its author is who sends it, whoever it says it writes for. */
    record NoteRequest(String body, String onBehalfOf) {
    }
}
