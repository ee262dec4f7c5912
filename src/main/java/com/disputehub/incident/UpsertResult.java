package com.disputehub.incident;

import java.util.List;
import java.util.UUID;

/** What one upsert did: created, updated (with the fields that changed, as events name them), unchanged, or skipped (unknown follow-up). */
public record UpsertResult(Outcome outcome, UUID incidentId, List<String> changes) {

    public enum Outcome { CREATED, UPDATED, UNCHANGED, SKIPPED }

    static UpsertResult skipped() {
        return new UpsertResult(Outcome.SKIPPED, null, List.of());
    }
}
