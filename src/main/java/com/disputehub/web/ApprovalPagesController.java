package com.disputehub.web;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.disputehub.access.Actor;
import com.disputehub.decision.Approvals;
import com.disputehub.decision.Decision;
import com.disputehub.decision.DecisionRefusedException;
import com.disputehub.grouping.BulkApprovals;
import com.disputehub.grouping.BulkDecision;
import com.disputehub.grouping.BulkDecisions;
import com.disputehub.incident.Incident;
import com.disputehub.incident.IncidentStore;

/** Decisions waiting for a supervisor's approval (DOMAIN X6): what, on which incident, asked by whom; approve or not. */
@Controller
class ApprovalPagesController {

    private final Approvals approvals;
    private final BulkApprovals bulkApprovals;
    private final BulkDecisions bulks;
    private final IncidentStore incidents;
    private final Words words;

    ApprovalPagesController(Approvals approvals, BulkApprovals bulkApprovals, BulkDecisions bulks, IncidentStore incidents,
                            Words words) {
        this.words = words;
        this.approvals = approvals;
        this.bulkApprovals = bulkApprovals;
        this.bulks = bulks;
        this.incidents = incidents;
    }

    /** One decision waiting, with its incident. */
    record Waiting(Decision decision, Incident incident) {
    }

    @GetMapping("/inbox/approvals")
    String list(Model model) {
        List<Waiting> waiting = approvals.pending(500).stream()
                .map(d -> new Waiting(d, incidents.find(d.incidentId()).orElse(null))).toList();
        model.addAttribute("waiting", waiting);
        model.addAttribute("bulks", bulkApprovals.pending().stream().map(bulks::find).toList());
        return "approvals";
    }

    @PostMapping("/inbox/approvals/bulk/{id}/approve")
    String approveBulk(@PathVariable UUID id, @RequestParam String reason, RedirectAttributes flash) {
        return answer(() -> {
            bulkApprovals.approve(id, Actor.current(), reason);
            return bulkNotice("notice.bulkApproved", id);
        }, flash);
    }

    @PostMapping("/inbox/approvals/bulk/{id}/reject")
    String rejectBulk(@PathVariable UUID id, @RequestParam String reason, RedirectAttributes flash) {
        return answer(() -> {
            bulkApprovals.reject(id, Actor.current(), reason);
            return bulkNotice("notice.bulkNotApproved", id);
        }, flash);
    }

    private InboxController.Notice bulkNotice(String key, UUID id) {
        BulkDecision bulk = bulks.find(id);
        return new InboxController.Notice(key, bulk.progress().eligible(), bulk.requestedBy());
    }

    @PostMapping("/inbox/approvals/{id}/approve")
    String approve(@PathVariable UUID id, @RequestParam String reason, RedirectAttributes flash) {
        return answer(() -> decisionNotice("notice.approved", approvals.approve(id, Actor.current(), reason)), flash);
    }

    @PostMapping("/inbox/approvals/{id}/reject")
    String reject(@PathVariable UUID id, @RequestParam String reason, RedirectAttributes flash) {
        return answer(() -> decisionNotice("notice.notApproved", approvals.reject(id, Actor.current(), reason)), flash);
    }

    private InboxController.Notice decisionNotice(String key, Decision d) {
        return new InboxController.Notice(key, words.say(d.command().words()), d.requestedBy());
    }

    /** A supervisor's answer, and what the page then says: done, or why not. */
    private String answer(Supplier<InboxController.Notice> verdict, RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("notice", verdict.get());
        } catch (DecisionRefusedException e) {
            flash.addFlashAttribute("refusal", words.sayAll(e.words()));
        }
        return "redirect:/inbox/approvals";
    }
}
