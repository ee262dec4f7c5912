package com.disputehub.grouping;

/**
 * Where a bulk decision stands. {@code pending} counts what is not settled yet (waiting for its turn or in the
 * outbox); {@code recorded} what was kept here with nothing sent (packages to send by hand); {@code failed}
 * counts rejected and failed decisions; {@code unknown} those whose outcome is unknown.
 */
public record BulkProgress(int selected, int eligible, int ineligible, int sent, int recorded, int failed, int unknown,
                           int pending, int skipped) {

    public boolean settled() {
        return pending == 0;
    }
}
