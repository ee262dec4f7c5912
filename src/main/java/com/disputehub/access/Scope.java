package com.disputehub.access;

import java.util.Arrays;
import java.util.Optional;

/** What an API key may do, as the role it stands for (DOMAIN X6). */
public enum Scope {
    INCIDENTS_READ("incidents:read", Role.VIEWER),
    DECISIONS_WRITE("decisions:write", Role.AGENT),
    ADMIN("admin", Role.ADMIN);

    private final String value;
    private final Role role;

    Scope(String value, Role role) {
        this.value = value;
        this.role = role;
    }

    public String value() {
        return value;
    }

    public Role role() {
        return role;
    }

    public static Optional<Scope> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }
}
