package com.disputehub.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.disputehub.support.Api;
import com.disputehub.support.IntegrationTest;

/** Who may do what (DOMAIN X6): every endpoint has a rule, roles and key scopes are enforced, every change names its actor. */
class SecurityRulesTest extends IntegrationTest {

    /** Reachable without signing in. */
    static final Set<String> PUBLIC = Set.of("/login", "/error");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    ApiKeys keys;
    @Autowired
    Users users;

    UUID incident;

    @BeforeEach
    void incident() {
        incident = syncFixtureOrders(ACCOUNT, "");
    }

    /** Every mapped path with each of its methods, path variables filled in. */
    List<String[]> endpoints() {
        List<String[]> all = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                String path = pattern.replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
                for (RequestMethod m : methods.isEmpty() ? EnumSet.of(RequestMethod.GET) : methods) {
                    all.add(new String[] {m.name(), path, pattern});
                }
            }
        }
        return all;
    }

    @Test
    @DisplayName("X6: every mapped endpoint has a rule: an anonymous caller is refused everywhere but the sign-in page")
    void anonymousRefusedEverywhere() throws Exception {
        List<String[]> endpoints = endpoints();
        assertThat(endpoints).hasSizeGreaterThan(40);
        for (String[] e : endpoints) {
            if (PUBLIC.contains(e[2]) || e[2].startsWith("/sandbox")) {
                continue;
            }
            int status = Api.anonymous(port).status(e[0], e[1]);
            if (e[1].startsWith("/api/")) {
                assertThat(status).as(e[0] + " " + e[2]).isEqualTo(401);
            } else {
                assertThat(status).as(e[0] + " " + e[2] + ": sent to sign in, or refused").isIn(302, 401, 403);
            }
        }
    }

    @Test
    @DisplayName("X6: every mapped write (API and pages) names a role above VIEWER: a reading key and a viewer are refused each")
    void everyWriteHasARule() {
        users.save("vera", null, "Vera", Role.VIEWER, "vera-password-1234");
        Api readerKey = Api.withKey(port, keys.create("reader-all", Set.of(Scope.INCIDENTS_READ), null, "test"));
        Api viewer = Api.anonymous(port).signIn("vera", "vera-password-1234");
        int writes = 0;
        for (String[] e : endpoints()) {
            if (e[0].equals("GET") || PUBLIC.contains(e[2]) || e[2].startsWith("/sandbox")) {
                continue;
            }
            writes++;
            if (e[1].startsWith("/api/")) {
                assertThat(readerKey.status(e[0], e[1])).as(e[0] + " " + e[2]).isEqualTo(403);
            } else {
                assertThat(viewer.form(e[1], Map.of()).status()).as(e[0] + " " + e[2]).isEqualTo(403);
            }
        }
        assertThat(writes).isGreaterThan(20);
    }

    @Test
    @DisplayName("X6: a key's scopes decide: incidents:read reads but decides nothing (403), decisions:write decides but retries nothing")
    void scopes() {
        Api reader = Api.withKey(port, keys.create("reader", Set.of(Scope.INCIDENTS_READ), null, "test"));
        Api writer = Api.withKey(port, keys.create("writer", Set.of(Scope.DECISIONS_WRITE), null, "test"));
        String resolve = "{\"type\":\"MARK_RESOLVED\",\"reasonCode\":\"10\"}";

        assertThat(reader.get("/api/incidents").status()).isEqualTo(200);
        Api.Answer refused = reader.post("/api/incidents/" + incident + "/decisions", resolve);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("detail").asString()).contains("role or your key's scopes");
        assertThat(reader.get("/api/quarantine").status()).as("quarantine is a supervisor's").isEqualTo(403);

        Api.Answer made = writer.post("/api/incidents/" + incident + "/decisions", resolve);
        assertThat(made.status()).isEqualTo(202);
        assertThat(writer.post("/api/decisions/" + made.body().get("id").asString() + "/retry", "").status()).isEqualTo(403);
        assertThat(Api.withKey(port, "dh_not-a-key-of-ours-0123456789abcdef").get("/api/incidents").status()).isEqualTo(401);
    }

    @Test
    @DisplayName("X6: every change names its actor, the key or the signed-in person, never what the client says")
    void attribution() {
        Api erp = Api.withKey(port, keys.create("erp-north", Set.of(Scope.DECISIONS_WRITE), null, "test"));
        Api.Answer decision = erp.post("/api/incidents/" + incident + "/decisions", "{\"type\":\"MARK_RESOLVED\",\"reasonCode\":\"10\"}",
                "X-Requested-By", "somebody-else");
        erp.post("/api/incidents/" + incident + "/notes", "{\"author\":\"somebody-else\",\"body\":\"Llamado al cliente\"}");

        assertThat(decision.body().get("requestedBy").asString()).isEqualTo("key:erp-north");
        assertThat(jdbc.sql("select author from incident_note where incident_id = ?").param(incident).query(String.class).single())
                .isEqualTo("key:erp-north");

        users.save("maria", "maria@example.com", "María", Role.AGENT, "maria-password-123");
        Api maria = Api.anonymous(port).signIn("maria", "maria-password-123");
        assertThat(maria.form("/inbox/incidents/" + incident + "/notes", Map.of("body", "Revisado", "author", "other")).status())
                .isEqualTo(302);
        assertThat(jdbc.sql("select author from incident_note where incident_id = ? and body = 'Revisado'").param(incident)
                .query(String.class).single()).isEqualTo("maria");
    }

    @Test
    @DisplayName("X6: an ERP's onBehalfOf is kept and shown as the caller's word; the actor stays its key; it is bounded")
    void onBehalfOf() {
        Api erp = Api.withKey(port, keys.create("erp-south", Set.of(Scope.DECISIONS_WRITE), null, "test"));
        Api.Answer decision = erp.post("/api/incidents/" + incident + "/decisions",
                "{\"type\":\"MARK_RESOLVED\",\"reasonCode\":\"10\",\"onBehalfOf\":\"Lucía (warehouse)\"}");
        assertThat(decision.status()).as(decision.body().toString()).isEqualTo(202);
        assertThat(decision.body().get("requestedBy").asString()).isEqualTo("key:erp-south");
        assertThat(decision.body().get("onBehalfOf").asString()).isEqualTo("Lucía (warehouse)");
        assertThat(decision.body().get("decision").has("onBehalfOf")).as("not part of what goes to the channel").isFalse();
        Api.Answer note = erp.post("/api/incidents/" + incident + "/notes", "{\"body\":\"Parcel found\",\"onBehalfOf\":\"Lucía (warehouse)\"}");
        assertThat(note.body().get("author").asString()).isEqualTo("key:erp-south");
        assertThat(note.body().get("onBehalfOf").asString()).isEqualTo("Lucía (warehouse)");
        assertThat(new Api(port).get("/api/incidents/" + incident).body().get("timeline").toString())
                .contains("on behalf of Lucía (warehouse), as the caller says");
        assertThat(Api.anonymous(port).signInAsAdmin().page("/inbox/incidents/" + incident + "?lang=en"))
                .contains("on behalf of Lucía (warehouse), as the caller says");
        assertThat(erp.post("/api/incidents/" + incident + "/notes", "{\"body\":\"x\",\"onBehalfOf\":\"" + "x".repeat(300) + "\"}")
                .status()).isEqualTo(400);
    }

    @Test
    @DisplayName("X6: a form posted without its CSRF token (a hostile page's) is refused and changes nothing; a viewer may not decide")
    void crossSiteAndRoles() {
        users.save("victor", null, "Víctor", Role.VIEWER, "victor-password-12");
        Api admin = Api.anonymous(port).signInAsAdmin();
        assertThat(admin.formRaw("/inbox/incidents/" + incident + "/notes", Map.of("body", "forged")).status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from incident_note where incident_id = ?").param(incident).query(Long.class).single()).isZero();

        Api viewer = Api.anonymous(port).signIn("victor", "victor-password-12");
        assertThat(viewer.page("/inbox")).contains("victor");
        assertThat(viewer.form("/inbox/incidents/" + incident + "/notes", Map.of("body", "not mine to add")).status()).isEqualTo(403);
        assertThat(Api.anonymous(port).formRaw("/login", Map.of("username", "victor", "password", "wrong-password-123")).status())
                .as("no token: refused before the password is even checked").isEqualTo(403);
    }

    @Test
    @DisplayName("X6: pages and API answers carry a Content-Security-Policy without inline script, no framing, nosniff")
    void headers() throws Exception {
        for (String path : List.of("/login", "/api/incidents")) {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(api(path))).header("Authorization", "Bearer " + com.disputehub.support.Principals.API_KEY).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp ->
                    assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        }
        String templates = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/resources/templates"))
                .filter(java.nio.file.Files::isRegularFile).map(p -> {
                    try {
                        return java.nio.file.Files.readString(p);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).reduce("", String::concat);
        assertThat(templates).as("no inline script the policy would block").doesNotContainPattern("\\son[a-z]+=\"")
                .doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
    }

    @Test
    @DisplayName("X6: the session lives in an HttpOnly, SameSite=Lax cookie only, never in a URL")
    void sessionCookie() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var login = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api("/login"))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(login.body()).doesNotContainIgnoringCase("jsessionid");
        assertThat(login.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID=")).singleElement()
                .satisfies(cookie -> assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax")
                        .as("plain http: not Secure").doesNotContain("Secure"));
        var inbox = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api("/inbox"))).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(inbox.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login")
                .doesNotContainIgnoringCase("jsessionid"));
    }

    @Test
    @DisplayName("X6: the health check answers anyone with its status alone; details and Prometheus metrics need the admin scope")
    void actuator() {
        Api anonymous = Api.anonymous(port);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health").body().has("components")).as("no details for anonymous callers").isFalse();
        assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(new Api(port).get("/actuator/health").body().has("components")).isTrue();
        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
        Api reader = Api.withKey(port, keys.create("metrics-reader", Set.of(Scope.INCIDENTS_READ), null, "test"));
        assertThat(reader.get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(new Api(port).page("/actuator/prometheus")).as("the admin key reads them").contains("jvm_memory_used_bytes");
    }

    @Test
    @DisplayName("X6: five wrong passwords in a row lock the login for a while, even against the right one; signing in resets the count")
    void lockOut() {
        users.save("lena", null, "Lena", Role.AGENT, "lena-password-1234");
        for (int i = 0; i < 4; i++) {
            assertThat(tryPassword("lena", "wrong-password-" + i)).isFalse();
        }
        assertThat(tryPassword("lena", "lena-password-1234")).as("four failures: not locked yet").isTrue();
        for (int i = 0; i < 5; i++) {
            assertThat(tryPassword("lena", "wrong-password-" + i)).isFalse();
        }
        assertThat(tryPassword("lena", "lena-password-1234")).as("locked").isFalse();
        assertThat(jdbc.sql("select locked_until > now() from app_user where login = 'lena'").query(Boolean.class).single()).isTrue();
    }

    private boolean tryPassword(String login, String password) {
        try {
            Api.anonymous(port).signIn(login, password);
            return true;
        } catch (AssertionError refused) {
            return false;
        }
    }
}
