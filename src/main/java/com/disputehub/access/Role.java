package com.disputehub.access;

/** What a person may do; each role may do everything the ones before it may (DOMAIN X6). */
public enum Role {
    /** Reads incidents, groups, reports. */
    VIEWER,
    /** Also decides: decisions, notes, groups, bulk plans and their confirmation. */
    AGENT,
    /** Also retries, quarantine, bulk runs of any size. */
    SUPERVISOR,
    /** Also users, API keys, account settings. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
