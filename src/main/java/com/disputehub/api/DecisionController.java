package com.disputehub.api;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.disputehub.access.Actor;
import com.disputehub.decision.DecisionNotFoundException;
import com.disputehub.decision.DecisionService;
import com.disputehub.decision.DecisionState;
import com.disputehub.decision.Decisions;

/** Decisions: one by id, the newest in a state, and sending a failed one again. */
@RestController
@RequestMapping("/api/decisions")
class DecisionController {

    private final Decisions decisions;
    private final DecisionService service;

    DecisionController(Decisions decisions, DecisionService service) {
        this.decisions = decisions;
        this.service = service;
    }

    @GetMapping("/{id}")
    DecisionView get(@PathVariable UUID id) {
        return decisions.find(id).map(DecisionView::of).orElseThrow(() -> new DecisionNotFoundException(id));
    }

    /** {@code state} in any case: {@code failed}, {@code FAILED}. */
    @GetMapping
    List<DecisionView> inState(@RequestParam String state, @RequestParam(defaultValue = "100") int limit) {
        DecisionState wanted = Arrays.stream(DecisionState.values())
                .filter(s -> s.name().equals(state.toUpperCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'state' cannot be '" + state + "'; one of "
                        + Arrays.toString(DecisionState.values())));
        return decisions.inState(wanted, Math.min(Math.max(limit, 1), 1000)).stream().map(DecisionView::of).toList();
    }

    @PostMapping("/{id}/retry")
    ResponseEntity<DecisionView> retry(@PathVariable UUID id) {
        return ResponseEntity.accepted().body(DecisionView.of(service.retry(id, Actor.current())));
    }
}
