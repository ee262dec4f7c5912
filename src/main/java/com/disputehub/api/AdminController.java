package com.disputehub.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.disputehub.access.Actor;
import com.disputehub.access.ApiKeys;
import com.disputehub.access.Role;
import com.disputehub.access.Scope;
import com.disputehub.access.Users;
import com.disputehub.incident.Texts;

/** People and API keys, for an ADMIN (DOMAIN X6): a key's secret is shown once, when it is made. */
@RestController
@RequestMapping("/api/admin")
class AdminController {

    private final Users users;
    private final ApiKeys keys;

    AdminController(Users users, ApiKeys keys) {
        this.users = users;
        this.keys = keys;
    }

    @GetMapping("/users")
    List<Users.Listed> users() {
        return users.list();
    }

    /** A new person with a first password (at least 12 characters) that they should change. */
    @PostMapping("/users")
    ResponseEntity<Users.Listed> createUser(@RequestBody NewUser request) {
        Texts.check("email", request.email(), 200);
        Texts.check("displayName", request.displayName(), Texts.NAME);
        try {
            users.create(request.login(), request.email(), request.displayName(), role(request.role()), request.password());
        } catch (IllegalStateException e) {
            return ResponseEntity.status(409).build();
        }
        return ResponseEntity.status(201).body(listed(request.login()));
    }

    /** Changes a person's role, enables or disables them, or resets the password (which also unlocks). */
    @PatchMapping("/users/{login}")
    Users.Listed updateUser(@PathVariable String login, @RequestBody UserChange request) {
        if (request.role() == null && request.enabled() == null && request.password() == null) {
            throw new IllegalArgumentException("give 'role', 'enabled' or 'password'");
        }
        if (login.equalsIgnoreCase(Actor.current()) && (Boolean.FALSE.equals(request.enabled())
                || request.role() != null && role(request.role()) != Role.ADMIN)) {
            throw new IllegalArgumentException("you cannot disable yourself or take your own ADMIN role away");
        }
        if (!users.update(login, request.role() == null ? null : role(request.role()), request.enabled(), request.password())) {
            throw new com.disputehub.grouping.NotFoundException("no user '" + login + "'");
        }
        return listed(login);
    }

    @GetMapping("/api-keys")
    List<ApiKeys.Listed> apiKeys() {
        return keys.list();
    }

    /** A new key: its secret is in this answer only. */
    @PostMapping("/api-keys")
    ResponseEntity<NewKeyAnswer> createKey(@RequestBody NewKey request) {
        Texts.check("name", request.name(), Texts.NAME);
        if (request.name() == null || request.name().isBlank()) {
            throw new IllegalArgumentException("a key needs a 'name'");
        }
        if (request.scopes() == null || request.scopes().isEmpty()) {
            throw new IllegalArgumentException("a key needs 'scopes': incidents:read, decisions:write, admin");
        }
        List<Scope> scopes = new ArrayList<>();
        for (String s : request.scopes()) {
            scopes.add(Scope.parse(s).orElseThrow(() -> new IllegalArgumentException("'" + s
                    + "' is not a scope; one of incidents:read, decisions:write, admin")));
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(Instant.now())) {
            throw new IllegalArgumentException("'expiresAt' is in the past");
        }
        String secret = keys.create(request.name().trim(), Set.copyOf(scopes), request.expiresAt(), Actor.current());
        return ResponseEntity.status(201).body(new NewKeyAnswer(request.name().trim(), request.scopes(), request.expiresAt(), secret));
    }

    @DeleteMapping("/api-keys/{id}")
    ResponseEntity<Void> revokeKey(@PathVariable UUID id) {
        if (!keys.revoke(id)) {
            throw new com.disputehub.grouping.NotFoundException("no live API key " + id);
        }
        return ResponseEntity.noContent().build();
    }

    private Users.Listed listed(String login) {
        return users.list().stream().filter(u -> u.login().equalsIgnoreCase(login)).findFirst().orElseThrow();
    }

    private static Role role(String name) {
        try {
            return Role.valueOf(name == null ? "" : name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'role' cannot be '" + name + "'; one of " + List.of(Role.values()));
        }
    }

    record NewUser(String login, String email, String displayName, String role, String password) {
    }

    record UserChange(String role, Boolean enabled, String password) {
    }

    record NewKey(String name, List<String> scopes, Instant expiresAt) {
    }

    /** The new key, with its secret: the only time it is shown. */
    record NewKeyAnswer(String name, List<String> scopes, Instant expiresAt, String key) {
    }
}
