package com.disputehub.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.disputehub.access.Actor;
import com.disputehub.grouping.Group;
import com.disputehub.grouping.Groups;
import com.disputehub.incident.FilterForm;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Groups: manual ones (members added and removed) and rule ones (a saved filter); list members with ?group=. */
@Tag(name = "Groups", description = "Manual and rule groups of incidents")
@RestController
@RequestMapping("/api/groups")
class GroupController {

    private final Groups groups;
    private final IdempotentRequests idempotent;

    GroupController(Groups groups, IdempotentRequests idempotent) {
        this.groups = groups;
        this.idempotent = idempotent;
    }

    @Operation(operationId = "listGroups", summary = "Manual and rule groups with their sizes")
    @GetMapping
    List<GroupView> all() {
        return groups.all().stream().map(this::view).toList();
    }

    @Operation(operationId = "getGroup", summary = "One group")
    @GetMapping("/{id}")
    GroupView one(@PathVariable UUID id) {
        return view(groups.find(id));
    }

    /** {@code {"name": "..."}} makes a manual group; with {@code "rule": {filter fields}}, a rule group. */
    @Operation(operationId = "createGroup", summary = "Create a manual group, or a rule group with a saved filter",
            description = "With an Idempotency-Key, the same request again answers the same group (Idempotent-Replayed: true).")
    @PostMapping
    ResponseEntity<GroupView> create(@RequestBody GroupRequest request,
                                     @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        IdempotentRequests.Outcome<Group> outcome = idempotent.once(key, Actor.current(), "group", request,
                () -> groups.create(request.name(), request.rule()), Group::id, id -> groups.find(UUID.fromString(id)));
        return ResponseEntity.status(201).header("Idempotent-Replayed", String.valueOf(outcome.replayed()))
                .body(view(outcome.resource()));
    }

    /** Renames the group, and for a rule group replaces its rule when one is given. */
    @Operation(operationId = "changeGroup", summary = "Rename a group, or change a rule group's filter")
    @PatchMapping("/{id}")
    GroupView change(@PathVariable UUID id, @RequestBody GroupRequest request) {
        if (request.name() != null) {
            groups.rename(id, request.name());
        }
        if (request.rule() != null) {
            groups.changeRule(id, request.rule());
        }
        return view(groups.find(id));
    }

    @Operation(operationId = "deleteGroup", summary = "Delete a group; its incidents stay")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        groups.delete(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "addGroupMembers", summary = "Add incidents to a manual group")
    @PostMapping("/{id}/members")
    MembersChanged add(@PathVariable UUID id, @RequestBody Members request) {
        return new MembersChanged(groups.add(id, request.ids()), groups.size(groups.find(id)));
    }

    @Operation(operationId = "removeGroupMembers", summary = "Take incidents out of a manual group")
    @PostMapping("/{id}/members/remove")
    MembersChanged remove(@PathVariable UUID id, @RequestBody Members request) {
        return new MembersChanged(groups.remove(id, request.ids()), groups.size(groups.find(id)));
    }

    private GroupView view(Group g) {
        return new GroupView(g.id(), g.name(), g.isRule() ? "RULE" : "MANUAL", g.rule() == null ? null : g.rule().fields(),
                groups.size(g));
    }

    record GroupRequest(String name, FilterForm rule) {
    }

    record Members(List<UUID> incidentIds) {
        List<UUID> ids() {
            if (incidentIds == null || incidentIds.isEmpty()) {
                throw new IllegalArgumentException("'incidentIds' is required and not empty");
            }
            return incidentIds;
        }
    }

    record MembersChanged(int changed, long size) {
    }

    record GroupView(UUID id, String name, String type, Map<String, String> rule, long size) {
    }
}
