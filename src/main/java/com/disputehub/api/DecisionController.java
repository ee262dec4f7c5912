package com.disputehub.api;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.disputehub.decision.DecisionState;
import com.disputehub.decision.Decisions;

/** Decisions: one by id, or the newest in a state. */
@RestController
@RequestMapping("/api/decisions")
class DecisionController {

    private final Decisions decisions;

    DecisionController(Decisions decisions) {
        this.decisions = decisions;
    }

    @GetMapping("/{id}")
    DecisionView get(@PathVariable UUID id) {
        return decisions.find(id).map(DecisionView::of)
                .orElseThrow(() -> new NotFoundException("no decision " + id));
    }

    @GetMapping
    List<DecisionView> inState(@RequestParam DecisionState state, @RequestParam(defaultValue = "100") int limit) {
        return decisions.inState(state, Math.min(Math.max(limit, 1), 1000)).stream().map(DecisionView::of).toList();
    }
}
