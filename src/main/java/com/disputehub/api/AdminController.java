package com.disputehub.api;

import java.time.Instant;
import java.util.List;
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
import com.disputehub.access.Administration;
import com.disputehub.access.ApiKeys;
import com.disputehub.access.Users;
import com.disputehub.grouping.NotFoundException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** People and API keys, for an ADMIN (DOMAIN X6): a key's secret is shown once, when it is made. */
@Tag(name = "Administration", description = "People and API keys (ADMIN)")
@RestController
@RequestMapping("/api/admin")
class AdminController {

    private final Administration admin;

    AdminController(Administration admin) {
        this.admin = admin;
    }

    @Operation(operationId = "listUsers", summary = "People who sign in, with their roles")
    @GetMapping("/users")
    List<Users.Listed> users() {
        return admin.users();
    }

    /** A new person with a first password (at least 12 characters) that they should change. */
    @Operation(operationId = "createUser", summary = "Add a person with a role and a first password")
    @PostMapping("/users")
    ResponseEntity<Users.Listed> createUser(@RequestBody NewUser request) {
        try {
            return ResponseEntity.status(201).body(admin.createUser(request.login(), request.email(), request.displayName(),
                    request.role(), request.password()));
        } catch (IllegalStateException e) {
            return ResponseEntity.status(409).build();
        }
    }

    /** Changes a person's role, enables or disables them, or resets the password (which also unlocks). */
    @Operation(operationId = "changeUser", summary = "Change a person's role, enable or disable them, or set a password")
    @PatchMapping("/users/{login}")
    Users.Listed updateUser(@PathVariable String login, @RequestBody UserChange request) {
        return admin.changeUser(Actor.current(), login, request.role(), request.enabled(), request.password())
                .orElseThrow(() -> new NotFoundException("no user '" + login + "'"));
    }

    @Operation(operationId = "listApiKeys", summary = "API keys, without their secrets")
    @GetMapping("/api-keys")
    List<ApiKeys.Listed> apiKeys() {
        return admin.keys();
    }

    /** A new key: its secret is in this answer only. */
    @Operation(operationId = "createApiKey", summary = "Make an API key with scopes; its secret is in this answer only")
    @PostMapping("/api-keys")
    ResponseEntity<Administration.MadeKey> createKey(@RequestBody NewKey request) {
        return ResponseEntity.status(201).body(admin.createKey(Actor.current(), request.name(), request.scopes(), request.expiresAt()));
    }

    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key at once")
    @DeleteMapping("/api-keys/{id}")
    ResponseEntity<Void> revokeKey(@PathVariable UUID id) {
        if (!admin.revokeKey(id)) {
            throw new NotFoundException("no live API key " + id);
        }
        return ResponseEntity.noContent().build();
    }

    record NewUser(String login, String email, String displayName, String role, String password) {
    }

    record UserChange(String role, Boolean enabled, String password) {
    }

    record NewKey(String name, List<String> scopes, Instant expiresAt) {
    }
}
