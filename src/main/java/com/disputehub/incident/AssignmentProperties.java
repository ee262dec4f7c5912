package com.disputehub.incident;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Automatic assignment: for an account named here, each new incident goes to the next of these logins in turn
 * (round robin, counted in the database so that instances share the turn); a login that is not an enabled person
 * who may decide is passed over.
 */
@ConfigurationProperties("disputehub.inbox")
public record AssignmentProperties(Map<String, List<String>> autoAssign) {

    public AssignmentProperties {
        autoAssign = autoAssign == null ? Map.of() : Map.copyOf(autoAssign);
    }
}
