package com.disputehub.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.disputehub.support.Api;
import com.disputehub.support.IntegrationTest;

/**
 * The role matrix of docs/security.md, every cell (DOMAIN X6): each mapped endpoint, found in Spring's handler
 * mappings, against each role signed in and each key scope. The expected least role of every endpoint is written
 * here, apart from the security configuration: a new endpoint missing from this table fails the build. Calls use
 * ids that do not exist and empty bodies, so an allowed call answers 2xx or 4xx (never 401, 403 or 5xx) and
 * changes nothing.
 */
class RoleMatrixTest extends IntegrationTest {

    static final Map<String, Role> LEAST = new LinkedHashMap<>();

    static {
        for (String read : List.of("/inbox", "/inbox/incidents/{id}", "/inbox/bulk/new", "/inbox/bulk/{id}", "/inbox/approvals",
                "/inbox/groups", "/inbox/templates", "/inbox/dashboard", "/inbox/live", "/inbox/accounts", "/api/reports/open", "/api/reports/response-times",
                "/api/reports/dispute-rate", "/api/reports/refunds", "/api/incidents/export", "/api/templates", "/api/templates/{id}", "/api/templates/{id}/render", "/api/incidents", "/api/incidents/counts", "/api/incidents/{id}", "/api/incidents/{id}/files/{fileId}",
                "/api/incidents/{id}/documents", "/api/incidents/{id}/documents/{documentId}", "/inbox/incidents/{id}/documents",
                "/inbox/incidents/{id}/documents/{documentId}", "/api/incidents/{id}/attachments/{attachmentId}",
                "/inbox/incidents/{id}/attachments/{attachmentId}",
                "/api/groups", "/api/groups/{id}", "/api/bulk-decisions/{id}", "/api/accounts", "/api/accounts/{id}/problem-rate",
                "/api/changes", "/api/events", "/api/channels", "/api/decisions/{id}", "/api/decisions", "/api/accounts/{id}/supplier-orders",
                "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config", "/swagger-ui.html")) {
            LEAST.put("GET " + read, Role.VIEWER);
        }
        LEAST.put("GET /api/quarantine", Role.SUPERVISOR);
        LEAST.put("GET /api/audit", Role.SUPERVISOR);
        LEAST.put("GET /inbox/audit", Role.SUPERVISOR);
        for (String write : List.of("/inbox/incidents/{id}/decisions", "/inbox/incidents/{id}/suggestion", "/inbox/incidents/{id}/notes",
                "/inbox/incidents/{id}/groups", "/inbox/bulk", "/inbox/bulk/{id}/confirm", "/inbox/selection/group",
                "/inbox/selection/ungroup", "/inbox/groups", "/inbox/groups/{id}/rename", "/inbox/groups/{id}/delete",
                "/api/bulk-decisions", "/api/bulk-decisions/{id}/confirm", "/api/incidents/{id}/notes", "/api/incidents/{id}/decisions",
                "/api/groups", "/api/groups/{id}/members", "/api/groups/{id}/members/remove", "/inbox/incidents/{id}/assignee",
                "/inbox/incidents/{id}/pin", "/inbox/incidents/{id}/snooze", "/inbox/incidents/{id}/wake", "/inbox/selection/assign",
                "/api/templates", "/inbox/templates", "/inbox/templates/{id}", "/inbox/templates/{id}/delete",
                "/api/incidents/{id}/no-reply-needed", "/inbox/incidents/{id}/no-reply-needed", "/api/incidents/{id}/documents",
                "/inbox/incidents/{id}/documents")) {
            LEAST.put("POST " + write, Role.AGENT);
        }
        LEAST.put("PATCH /api/groups/{id}", Role.AGENT);
        LEAST.put("PUT /api/incidents/{id}/external-refs", Role.AGENT);
        for (String work : List.of("PUT /api/incidents/{id}/assignee", "PUT /api/incidents/assignee", "PUT /api/incidents/{id}/pinned",
                "PUT /api/incidents/{id}/snooze", "DELETE /api/incidents/{id}/snooze", "PUT /api/templates/{id}", "DELETE /api/templates/{id}")) {
            LEAST.put(work, Role.AGENT);
        }
        LEAST.put("DELETE /api/groups/{id}", Role.AGENT);
        for (String supervise : List.of("/inbox/bulk/{id}/retry-failed", "/inbox/approvals/{id}/approve", "/inbox/approvals/{id}/reject",
                "/api/bulk-decisions/{id}/retry-failed", "/api/decisions/{id}/approve", "/api/decisions/{id}/reject",
                "/api/decisions/{id}/retry", "/api/bulk-decisions/{id}/approve", "/api/bulk-decisions/{id}/reject",
                "/inbox/approvals/bulk/{id}/approve", "/inbox/approvals/bulk/{id}/reject")) {
            LEAST.put("POST " + supervise, Role.SUPERVISOR);
        }
        LEAST.put("GET /api/admin/users", Role.ADMIN);
        LEAST.put("POST /api/admin/users", Role.ADMIN);
        LEAST.put("PATCH /api/admin/users/{login}", Role.ADMIN);
        LEAST.put("GET /api/admin/api-keys", Role.ADMIN);
        LEAST.put("POST /api/admin/api-keys", Role.ADMIN);
        LEAST.put("DELETE /api/admin/api-keys/{id}", Role.ADMIN);
        LEAST.put("PUT /api/accounts/{id}/supplier-orders", Role.ADMIN);
        LEAST.put("PUT /api/accounts/{id}/refresh-token", Role.ADMIN);
        LEAST.put("POST /inbox/accounts/{id}/refresh-token", Role.ADMIN);
        for (String webhooks : List.of("GET /api/webhooks", "POST /api/webhooks", "GET /api/webhooks/{id}",
                "PATCH /api/webhooks/{id}", "DELETE /api/webhooks/{id}", "POST /api/webhooks/{id}/rotate-secret",
                "POST /api/webhooks/{id}/test", "POST /api/webhooks/{id}/replay", "GET /api/webhooks/{id}/deliveries")) {
            LEAST.put(webhooks, Role.ADMIN);
        }
        LEAST.put("GET /inbox/admin", Role.ADMIN);
        LEAST.put("GET /inbox/admin/webhooks", Role.ADMIN);
        LEAST.put("GET /inbox/admin/webhooks/{id}", Role.ADMIN);
        for (String manage : List.of("/inbox/admin/users", "/inbox/admin/users/{login}", "/inbox/admin/keys", "/inbox/admin/keys/{id}/revoke",
                "/inbox/admin/webhooks", "/inbox/admin/webhooks/{id}/enabled", "/inbox/admin/webhooks/{id}/test",
                "/inbox/admin/webhooks/{id}/rotate", "/inbox/admin/webhooks/{id}/delete", "/inbox/admin/webhooks/{id}/replay")) {
            LEAST.put("POST " + manage, Role.ADMIN);
        }
    }

    /** Reachable by anyone; the sandbox simulators stand for the channels and check the channels' own credentials. */
    static final Set<String> OPEN = Set.of("GET /login", "GET /error", "POST /error", "PUT /error", "PATCH /error", "DELETE /error");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    Users users;
    @Autowired
    ApiKeys keys;

    @Test
    @DisplayName("X6: every endpoint × every role and key scope: allowed from its least role up, refused (403) below, no key on pages")
    void everyCell() {
        Map<String, Api> people = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            String login = "matrix-" + role.name().toLowerCase();
            jdbc.sql("delete from app_user where login = ?").param(login).update();
            users.save(login, null, login, role, login + "-password");
            people.put(role.name(), Api.anonymous(port).signIn(login, login + "-password"));
        }
        Map<Scope, Api> scoped = new LinkedHashMap<>();
        for (Scope scope : Scope.values()) {
            scoped.put(scope, Api.withKey(port, keys.create("matrix-" + scope.value(), Set.of(scope), null, "test")));
        }

        List<String> endpoints = endpoints();
        assertThat(new TreeSet<>(LEAST.keySet())).as("every mapped endpoint has a least role in this table, and only those")
                .isEqualTo(new TreeSet<>(endpoints.stream().filter(e -> !OPEN.contains(e) && !e.contains(" /sandbox/")).toList()));

        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Map.Entry<String, Role> endpoint : LEAST.entrySet()) {
            String method = endpoint.getKey().substring(0, endpoint.getKey().indexOf(' '));
            String pattern = endpoint.getKey().substring(method.length() + 1);
            String path = pattern.replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
            for (Role role : Role.values()) {
                cells++;
                check(wrong, endpoint.getKey() + " as " + role, people.get(role.name()).status(method, path),
                        role.compareTo(endpoint.getValue()) >= 0);
            }
            for (Scope scope : Scope.values()) {
                cells++;
                int status = scoped.get(scope).status(method, path);
                if (pattern.startsWith("/api/") || pattern.startsWith("/v3/api-docs")) {
                    check(wrong, endpoint.getKey() + " with a key " + scope.value(), status,
                            scope.role().compareTo(endpoint.getValue()) >= 0);
                } else if (status != (method.equals("GET") ? 302 : 403)) {
                    // pages take no key: a read is sent to sign in, a write has no session's CSRF token
                    wrong.add(endpoint.getKey() + " with a key " + scope.value() + ": " + status + ", not refused");
                }
            }
        }
        assertThat(wrong).as("cells that disagree with the matrix").isEmpty();
        assertThat(cells).as("69 endpoints, 4 roles and 3 scopes each").isGreaterThanOrEqualTo(483);
    }

    private static void check(List<String> wrong, String cell, int status, boolean allowed) {
        if (allowed && (status == 401 || status == 403 || status >= 500)) {
            wrong.add(cell + ": " + status + ", expected an answer");
        } else if (!allowed && status != 403) {
            wrong.add(cell + ": " + status + ", expected 403");
        }
    }

    /** "METHOD /pattern" of every mapped endpoint. */
    private List<String> endpoints() {
        List<String> all = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                for (RequestMethod m : methods.isEmpty() ? EnumSet.of(RequestMethod.GET) : methods) {
                    all.add(m.name() + " " + pattern);
                }
            }
        }
        return all;
    }
}
