package com.disputehub.api;

import java.time.Instant;
import java.util.UUID;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.disputehub.access.Actor;
import com.disputehub.access.Users;
import com.disputehub.decision.IncidentNotFoundException;
import com.disputehub.grouping.Selection;
import com.disputehub.grouping.Selections;
import com.disputehub.incident.IncidentEvents;
import com.disputehub.incident.IncidentStatus;
import com.disputehub.incident.IncidentStore;
import com.disputehub.incident.IncidentWork;
import com.disputehub.incident.WorkState;
import com.disputehub.incident.WorkStates;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A seller's work on incidents (DOMAIN X9): who owns them, pins, snoozes, messages that need no reply (M5). */
@Tag(name = "Incidents", description = "Normalized incidents, their notes, files and decisions")
@RestController
@RequestMapping("/api/incidents")
class IncidentWorkController {

    private final IncidentStore store;
    private final IncidentWork work;
    private final WorkStates states;
    private final Users users;
    private final Selections selections;

    IncidentWorkController(IncidentStore store, IncidentWork work, WorkStates states, Users users, Selections selections) {
        this.store = store;
        this.work = work;
        this.states = states;
        this.users = users;
        this.selections = selections;
    }

    /** {@code assignee}: a login, "me", or null to unassign. */
    record AssigneeRequest(String assignee) {
    }

    /** Who gets the selected incidents ({@code assignee} as in {@link AssigneeRequest}). */
    record AssignSelectionRequest(Selection selection, String assignee) {
    }

    record Assigned(int selected, int changed, String assignee) {
    }

    record PinRequest(Boolean pinned) {
    }

    /** {@code until}: an instant, or null for "until the channel changes it". */
    record SnoozeRequest(Instant until) {
    }

    @Operation(operationId = "assignIncident", summary = "Give an incident to a person (a login, me), or to nobody (null)",
            description = "The assignee must be an enabled person who decides (agent or above). A change is on the timeline, "
                    + "in the change feed and in an incident.updated event naming the field assignee.")
    @PutMapping("/{id}/assignee")
    WorkState assign(@PathVariable UUID id, @RequestBody AssigneeRequest request) {
        exists(id);
        String actor = Actor.current();
        work.assign(id, users.assigneeFor(request.assignee(), actor), actor, IncidentEvents.Source.of(actor));
        return states.of(id);
    }

    @Operation(operationId = "assignIncidents", summary = "Give the selected incidents (ids, a filter, a group) to a person, or to nobody",
            description = "At most " + Selections.MAX + " incidents; answers how many were selected and how many changed hands.")
    @PutMapping("/assignee")
    Assigned assignAll(@RequestBody AssignSelectionRequest request) {
        if (request.selection() == null) {
            throw new IllegalArgumentException("'selection' is required: incidentIds, a filter or a groupId");
        }
        String actor = Actor.current();
        String assignee = users.assigneeFor(request.assignee(), actor);
        var ids = selections.resolve(request.selection(), actor);
        return new Assigned(ids.size(), work.assignAll(ids, assignee, actor, IncidentEvents.Source.of(actor)), assignee);
    }

    @Operation(operationId = "pinIncident", summary = "Pin an incident to the top of the inbox, or unpin it")
    @PutMapping("/{id}/pinned")
    WorkState pin(@PathVariable UUID id, @RequestBody PinRequest request) {
        exists(id);
        if (request.pinned() == null) {
            throw new IllegalArgumentException("'pinned' is required: true or false");
        }
        work.pin(id, request.pinned(), Actor.current());
        return states.of(id);
    }

    @Operation(operationId = "snoozeIncident", summary = "Hide an incident from the inbox until a time, or until the channel changes it",
            description = "Any change from the channel ends a snooze; so does its time. On an open incident with a deadline it "
                    + "ends 24 hours before the deadline at the latest, and an incident due within a day cannot be snoozed (400).")
    @PutMapping("/{id}/snooze")
    WorkState snooze(@PathVariable UUID id, @RequestBody SnoozeRequest request) {
        exists(id);
        work.snooze(id, request.until(), Actor.current());
        return states.of(id);
    }

    @Operation(operationId = "wakeIncident", summary = "End an incident's snooze")
    @DeleteMapping("/{id}/snooze")
    WorkState wake(@PathVariable UUID id) {
        exists(id);
        work.wake(id, Actor.current());
        return states.of(id);
    }

    /** What marking the last message as needing no reply did: never sent, as no channel has a call for it. */
    record NoReplyNeeded(boolean changed, IncidentStatus status, boolean sentToChannel, String note) {
    }

    @Operation(operationId = "markNoReplyNeeded", summary = "Mark the buyer's or the operator's last message as needing no reply",
            description = "For a thank-you or a goodbye (DOMAIN M5): the incident waits for that party, without a deadline, until "
                    + "the channel shows a new message or state. Recorded in DisputeHub only: none of the channels' APIs has a "
                    + "call for it, so the platform's own counter may still run. 409 when the incident does not wait for the "
                    + "seller's answer to such a message; marking it twice changes nothing (changed false).")
    @PostMapping("/{id}/no-reply-needed")
    NoReplyNeeded noReplyNeeded(@PathVariable UUID id) {
        exists(id);
        String actor = Actor.current();
        boolean changed = store.markNoReplyNeeded(id, actor, IncidentEvents.Source.of(actor));
        return new NoReplyNeeded(changed, store.find(id).orElseThrow().status(), false,
                "Recorded in DisputeHub only: the channel has no call to mark a message as needing no reply.");
    }

    private void exists(UUID id) {
        store.find(id).orElseThrow(() -> new IncidentNotFoundException(id));
    }
}
