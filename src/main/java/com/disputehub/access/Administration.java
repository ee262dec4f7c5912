package com.disputehub.access;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;

import com.disputehub.incident.Texts;

/**
 * What an ADMIN does to people and API keys (DOMAIN X6), checked here once for the admin API and the admin pages:
 * every mistake is an {@link IllegalArgumentException} whose sentence says what to fix.
 */
@Service
public class Administration {

    private final Users users;
    private final ApiKeys keys;
    private final Clock clock;

    Administration(Users users, ApiKeys keys, Clock clock) {
        this.users = users;
        this.keys = keys;
        this.clock = clock;
    }

    /** A new person with a first password; an {@link IllegalStateException} when the login is taken. */
    public Users.Listed createUser(String login, String email, String displayName, String role, String password) {
        Texts.check("email", email, 200);
        Texts.check("displayName", displayName, Texts.NAME);
        users.create(login, blankToNull(email), blankToNull(displayName), role(role), password);
        return listed(login).orElseThrow();
    }

    /**
     * Changes what is given: the role, enabled, the password (which also unlocks). {@code actor} may neither disable
     * themself nor take their own ADMIN role away. Empty when there is no such person.
     */
    public Optional<Users.Listed> changeUser(String actor, String login, String role, Boolean enabled, String password) {
        if (role == null && enabled == null && password == null) {
            throw new IllegalArgumentException("give 'role', 'enabled' or 'password'");
        }
        Role newRole = role == null ? null : role(role);
        if (login.equalsIgnoreCase(actor) && (Boolean.FALSE.equals(enabled) || newRole != null && newRole != Role.ADMIN)) {
            throw new IllegalArgumentException("you cannot disable yourself or take your own ADMIN role away");
        }
        return users.update(login, newRole, enabled, password) ? listed(login) : Optional.empty();
    }

    /** A key just made, with its secret: the only time anyone sees it. */
    public record MadeKey(String name, List<String> scopes, Instant expiresAt, String key) {
    }

    public MadeKey createKey(String actor, String name, List<String> scopeNames, Instant expiresAt) {
        Texts.check("name", name, Texts.NAME);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a key needs a 'name'");
        }
        if (scopeNames == null || scopeNames.isEmpty()) {
            throw new IllegalArgumentException("a key needs 'scopes': incidents:read, decisions:write, admin");
        }
        List<Scope> scopes = new ArrayList<>();
        for (String s : scopeNames) {
            scopes.add(Scope.parse(s).orElseThrow(() -> new IllegalArgumentException("'" + s
                    + "' is not a scope; one of incidents:read, decisions:write, admin")));
        }
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw new IllegalArgumentException("'expiresAt' is in the past");
        }
        String secret = keys.create(name.trim(), Set.copyOf(scopes), expiresAt, actor);
        return new MadeKey(name.trim(), scopes.stream().map(Scope::value).toList(), expiresAt, secret);
    }

    /** False when there is no live key with this id. */
    public boolean revokeKey(UUID id) {
        return keys.revoke(id);
    }

    public List<Users.Listed> users() {
        return users.list();
    }

    public List<ApiKeys.Listed> keys() {
        return keys.list();
    }

    static Role role(String name) {
        try {
            return Role.valueOf(name == null ? "" : name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'role' cannot be '" + name + "'; one of " + List.of(Role.values()));
        }
    }

    private Optional<Users.Listed> listed(String login) {
        return users.list().stream().filter(u -> u.login().equalsIgnoreCase(login)).findFirst();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
