package com.disputehub.api;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.disputehub.access.Actor;
import com.disputehub.grouping.BulkApprovals;
import com.disputehub.grouping.BulkDecision;
import com.disputehub.grouping.BulkDecisions;
import com.disputehub.grouping.BulkRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Bulk decisions: {@code POST} with {@code "dryRun": true} plans (eligible, ineligible and why), then
 * {@code POST /{id}/confirm} runs the plan; {@code "dryRun": false} plans and runs at once. {@code GET} shows progress.
 */
@Tag(name = "Bulk decisions", description = "One decision for many incidents: dry run, confirmation, progress, approval")
@RestController
@RequestMapping("/api/bulk-decisions")
class BulkDecisionController {

    private final BulkDecisions bulk;
    private final BulkApprovals approvals;
    private final IdempotentRequests idempotent;

    BulkDecisionController(BulkDecisions bulk, BulkApprovals approvals, IdempotentRequests idempotent) {
        this.bulk = bulk;
        this.approvals = approvals;
        this.idempotent = idempotent;
    }

    @Operation(operationId = "createBulkDecision", summary = "Plan one decision for many incidents (dryRun), or plan and run it at once",
            description = "With an Idempotency-Key, the same request again answers the same bulk run (Idempotent-Replayed: "
                    + "true) instead of planning a second one.")
    @PostMapping
    ResponseEntity<BulkDecision> submit(@RequestBody BulkRequest request,
                                        @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        IdempotentRequests.Outcome<BulkDecision> outcome = idempotent.once(key, Actor.current(), "bulk decision", request,
                () -> bulk.submit(request.by(Actor.current())), BulkDecision::id, id -> bulk.find(UUID.fromString(id)));
        BulkDecision planned = outcome.resource();
        return ResponseEntity.status(request.dryRun() ? 201 : 202).location(URI.create("/api/bulk-decisions/" + planned.id()))
                .header("Idempotent-Replayed", String.valueOf(outcome.replayed())).body(planned);
    }

    @Operation(operationId = "confirmBulkDecision", summary = "Run a planned bulk decision (or make it wait for approval)")
    @PostMapping("/{id}/confirm")
    ResponseEntity<BulkDecision> confirm(@PathVariable UUID id) {
        return ResponseEntity.accepted().body(bulk.confirm(id));
    }

    /** Sends the bulk decision's FAILED decisions again; answers how many and the progress. */
    @Operation(operationId = "retryFailedBulkItems", summary = "Send the bulk run's FAILED decisions again")
    @PostMapping("/{id}/retry-failed")
    ResponseEntity<BulkDecision> retryFailed(@PathVariable UUID id) {
        bulk.retryFailed(id, Actor.current());
        return ResponseEntity.accepted().body(bulk.find(id));
    }

    /** A SUPERVISOR other than the requester lets a run waiting for approval go (X6), with a reason. */
    @Operation(operationId = "approveBulkDecision", summary = "Approve a bulk run waiting for approval (four eyes; not one's own)")
    @PostMapping("/{id}/approve")
    ResponseEntity<BulkDecision> approve(@PathVariable UUID id, @RequestBody DecisionController.Verdict verdict) {
        approvals.approve(id, Actor.current(), verdict.reason());
        return ResponseEntity.accepted().body(bulk.find(id));
    }

    /** ... or keeps it from going: nothing of it is sent. */
    @Operation(operationId = "rejectBulkDecision", summary = "Refuse a bulk run waiting for approval; nothing is sent")
    @PostMapping("/{id}/reject")
    BulkDecision reject(@PathVariable UUID id, @RequestBody DecisionController.Verdict verdict) {
        approvals.reject(id, Actor.current(), verdict.reason());
        return bulk.find(id);
    }

    @Operation(operationId = "getBulkDecision", summary = "A bulk decision with its progress and every item")
    @GetMapping("/{id}")
    BulkDecision get(@PathVariable UUID id) {
        return bulk.find(id);
    }
}
