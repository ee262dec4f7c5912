package com.disputehub.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.disputehub.access.AuditLog;
import com.disputehub.incident.Texts;

/** The audit log for a supervisor (DOMAIN X6): newest first, by one actor if asked, a page of 100 at a time. */
@Controller
class AuditPageController {

    static final int PAGE = 100;

    private final AuditLog log;

    AuditPageController(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/inbox/audit")
    String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) Long before, Model model) {
        String who = actor == null || actor.isBlank() ? null : Texts.check("actor", actor.trim(), Texts.NAME);
        List<AuditLog.Entry> entries = log.page(who, before, PAGE);
        model.addAttribute("entries", entries);
        model.addAttribute("actor", who);
        model.addAttribute("older", entries.size() == PAGE ? entries.get(PAGE - 1).id() : null);
        return "audit";
    }
}
