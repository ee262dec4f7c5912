package com.disputehub.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.disputehub.access.Actor;
import com.disputehub.channel.command.DecisionType;
import com.disputehub.decision.IncidentNotFoundException;
import com.disputehub.grouping.NotFoundException;
import com.disputehub.incident.IncidentStore;
import com.disputehub.reply.ReplyForIncident;
import com.disputehub.reply.ReplyTemplate;
import com.disputehub.reply.ReplyTemplateRequest;
import com.disputehub.reply.ReplyTemplates;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Saved replies (DOMAIN X9): texts per decision type and language, with placeholders, for one channel or all. */
@Tag(name = "Reply templates", description = "Saved replies, per channel and decision type, in several languages")
@RestController
@RequestMapping("/api/templates")
class ReplyTemplateController {

    private final ReplyTemplates templates;
    private final ReplyForIncident forIncident;
    private final IncidentStore incidents;
    private final IdempotentRequests idempotent;

    ReplyTemplateController(ReplyTemplates templates, ReplyForIncident forIncident, IncidentStore incidents,
                            IdempotentRequests idempotent) {
        this.templates = templates;
        this.forIncident = forIncident;
        this.incidents = incidents;
        this.idempotent = idempotent;
    }

    @Operation(operationId = "listTemplates", summary = "Saved replies, by name; for a decision type and a channel when given")
    @GetMapping
    List<ReplyTemplate> list(@RequestParam(required = false) DecisionType type, @RequestParam(required = false) String channel) {
        return templates.list(type, channel);
    }

    @Operation(operationId = "getTemplate", summary = "One saved reply")
    @GetMapping("/{id}")
    ReplyTemplate get(@PathVariable UUID id) {
        return templates.find(id).orElseThrow(() -> missing(id));
    }

    @Operation(operationId = "renderTemplate", summary = "A saved reply for one incident: in its buyer's language, placeholders filled",
            description = "A placeholder without a value on the incident stays as written.")
    @GetMapping("/{id}/render")
    ReplyForIncident.Rendered render(@PathVariable UUID id, @RequestParam UUID incident) {
        return forIncident.render(get(id), incidents.find(incident).orElseThrow(() -> new IncidentNotFoundException(incident)));
    }

    @Operation(operationId = "createTemplate", summary = "Save a reply: a name, a decision type, its texts per language (201)",
            description = "texts: {\"es\": {\"body\": \"Hola {buyerName}, …\"}}; only the decision's free-text fields, with the "
                    + "placeholders of bulk answers. A name is unique whatever its case (409). With an Idempotency-Key, the same "
                    + "request again answers the same template.")
    @PostMapping
    ResponseEntity<ReplyTemplate> create(@RequestBody ReplyTemplateRequest request,
                                         @org.springframework.web.bind.annotation.RequestHeader(name = "Idempotency-Key", required = false) String key) {
        IdempotentRequests.Outcome<ReplyTemplate> outcome = idempotent.once(key, Actor.current(), "template", request,
                () -> conflictIfTaken(() -> templates.create(request, Actor.current())), t -> t.id().toString(),
                id -> templates.find(UUID.fromString(id)).orElse(null));
        return ResponseEntity.created(URI.create("/api/templates/" + outcome.resource().id()))
                .header("Idempotent-Replayed", String.valueOf(outcome.replayed())).body(outcome.resource());
    }

    @Operation(operationId = "updateTemplate", summary = "Replace a saved reply's name, channel, type and texts")
    @PutMapping("/{id}")
    ReplyTemplate update(@PathVariable UUID id, @RequestBody ReplyTemplateRequest request) {
        return conflictIfTaken(() -> templates.update(id, request, Actor.current())).orElseThrow(() -> missing(id));
    }

    @Operation(operationId = "deleteTemplate", summary = "Delete a saved reply (204)")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        if (!templates.delete(id)) {
            throw missing(id);
        }
        return ResponseEntity.noContent().build();
    }

    private static <T> T conflictIfTaken(java.util.function.Supplier<T> change) {
        try {
            return change.get();
        } catch (IllegalStateException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
    }

    private static NotFoundException missing(UUID id) {
        return new NotFoundException("no template " + id);
    }
}
