package com.disputehub.sync;

/** What one poll of one account did; {@code ran} is false when it was skipped (locked elsewhere, or paused). */
public record SyncReport(String accountId, boolean ran, int pages, int created, int updated, int unchanged,
                         int quarantined, int followedUp) {

    static SyncReport skipped(String accountId) {
        return new SyncReport(accountId, false, 0, 0, 0, 0, 0, 0);
    }
}
