package com.disputehub.api;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.disputehub.access.AuditLog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The audit log for a SUPERVISOR (DOMAIN X6): newest first; the next page is {@code before=<last id>}. */
@Tag(name = "Audit", description = "The append-only audit log (SUPERVISOR)")
@RestController
class AuditController {

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @Operation(operationId = "listAudit", summary = "The append-only audit log: who changed what, when")
    @GetMapping("/api/audit")
    List<AuditLog.Entry> audit(@RequestParam(required = false) String actor, @RequestParam(required = false) Long before,
                               @RequestParam(defaultValue = "100") int limit) {
        return log.page(actor, before, Math.min(Math.max(limit, 1), 500));
    }
}
