package com.disputehub.access;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code disputehub.demo-users}: the demo profile's people, one per role; empty outside the demo. */
@ConfigurationProperties("disputehub")
record DemoUsers(List<DemoUser> demoUsers) {

    DemoUsers {
        demoUsers = demoUsers == null ? List.of() : List.copyOf(demoUsers);
    }

    /** One demo person: login, role, password. */
    record DemoUser(String login, Role role, String password) {

        @Override
        public String toString() {
            return login + " (" + role + ")";
        }
    }
}
