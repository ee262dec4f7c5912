package com.disputehub.api;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.disputehub.access.Actor;
import com.disputehub.decision.Approvals;
import com.disputehub.decision.Decision;
import com.disputehub.decision.DecisionNotFoundException;
import com.disputehub.decision.DecisionService;
import com.disputehub.decision.DecisionState;
import com.disputehub.decision.Decisions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Decisions: one by id, the newest in a state, sending a failed one again, and a supervisor's approval (X6). */
@Tag(name = "Decisions", description = "Decisions by id or state, retries and approvals")
@RestController
@RequestMapping("/api/decisions")
class DecisionController {

    private final Decisions decisions;
    private final DecisionService service;
    private final Approvals approvals;

    DecisionController(Decisions decisions, DecisionService service, Approvals approvals) {
        this.decisions = decisions;
        this.service = service;
        this.approvals = approvals;
    }

    @Operation(operationId = "getDecision", summary = "One decision and where it stands")
    @GetMapping("/{id}")
    DecisionView get(@PathVariable UUID id) {
        return view(decisions.find(id).orElseThrow(() -> new DecisionNotFoundException(id)));
    }

    /** A SUPERVISOR other than the requester lets a decision waiting for approval go to the channel, with a reason. */
    @Operation(operationId = "approveDecision", summary = "Approve a decision waiting for approval (four eyes; not one's own)")
    @PostMapping("/{id}/approve")
    DecisionView approve(@PathVariable UUID id, @RequestBody Verdict verdict) {
        return view(approvals.approve(id, Actor.current(), verdict.reason()));
    }

    /** ... or keeps it from going: nothing is sent. */
    @Operation(operationId = "rejectDecision", summary = "Refuse a decision waiting for approval; nothing is sent")
    @PostMapping("/{id}/reject")
    DecisionView reject(@PathVariable UUID id, @RequestBody Verdict verdict) {
        return view(approvals.reject(id, Actor.current(), verdict.reason()));
    }

    /** A supervisor's answer: why. */
    record Verdict(String reason) {
    }

    private DecisionView view(Decision d) {
        return DecisionView.of(d, approvals.reviews(List.of(d.id())).get(d.id()));
    }

    /** {@code state} in any case: {@code failed}, {@code FAILED}. */
    @Operation(operationId = "listDecisions", summary = "Decisions in a state (e.g. failed), newest first")
    @GetMapping
    List<DecisionView> inState(@RequestParam String state, @RequestParam(defaultValue = "100") int limit) {
        DecisionState wanted = Arrays.stream(DecisionState.values())
                .filter(s -> s.name().equals(state.toUpperCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'state' cannot be '" + state + "'; one of "
                        + Arrays.toString(DecisionState.values())));
        List<Decision> found = decisions.inState(wanted, Math.min(Math.max(limit, 1), 1000), false);
        Map<UUID, Approvals.Review> reviews = approvals.reviews(found.stream().map(Decision::id).toList());
        return found.stream().map(d -> DecisionView.of(d, reviews.get(d.id()))).toList();
    }

    @Operation(operationId = "retryDecision", summary = "Send a FAILED (or checked UNKNOWN) decision again")
    @PostMapping("/{id}/retry")
    ResponseEntity<DecisionView> retry(@PathVariable UUID id) {
        return ResponseEntity.accepted().body(DecisionView.of(service.retry(id, Actor.current())));
    }
}
