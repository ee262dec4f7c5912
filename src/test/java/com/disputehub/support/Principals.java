package com.disputehub.support;

/**
 * Who the tests are: the bootstrap API key (every scope) and the bootstrap admin's password, both given to the
 * application as its bootstrap settings (DISPUTEHUB_BOOTSTRAP_API_KEY, DISPUTEHUB_BOOTSTRAP_ADMIN_PASSWORD).
 */
public final class Principals {

    public static final String API_KEY = "dh_test-suite-bootstrap-key-0123456789abcdef";
    public static final String ADMIN_PASSWORD = "test-admin-password-4711";

    private Principals() {
    }
}
