package com.disputehub.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.disputehub.support.Api;
import com.disputehub.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/** An ADMIN manages people and API keys over the API (DOMAIN X6). */
class AdminApiTest extends IntegrationTest {

    @Autowired
    ApiKeys keys;

    Api admin;
    UUID incident;

    @BeforeEach
    void setUp() {
        admin = new Api(port);
        incident = syncFixtureOrders(ACCOUNT, "");
        jdbc.sql("delete from app_user where login in ('nora', 'nils')").update();
    }

    @Test
    @DisplayName("X6: an admin adds a person, who signs in; a role change and disabling take effect at once; mistakes are 4xx")
    void people() {
        Api.Answer created = admin.post("/api/admin/users", "{\"login\":\"nora\",\"email\":\"nora@example.com\",\"displayName\":\"Nora\","
                + "\"role\":\"agent\",\"password\":\"nora-first-password\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().toString()).contains("\"role\":\"AGENT\"").doesNotContain("password");
        assertThat(admin.post("/api/admin/users", "{\"login\":\"nora\",\"role\":\"agent\",\"password\":\"nora-first-password\"}").status())
                .isEqualTo(409);
        assertThat(admin.post("/api/admin/users", "{\"login\":\"nils\",\"role\":\"agent\",\"password\":\"short\"}").status())
                .as("a password has at least 12 characters").isEqualTo(400);
        assertThat(admin.post("/api/admin/users", "{\"login\":\"nils\",\"role\":\"boss\",\"password\":\"nils-first-password\"}")
                .body().get("detail").asString()).contains("'role' cannot be 'boss'");

        Api nora = Api.anonymous(port).signIn("nora", "nora-first-password");
        assertThat(nora.page("/inbox")).contains("nora");

        assertThat(admin.patch("/api/admin/users/nora", "{\"role\":\"VIEWER\"}").status()).isEqualTo(200);
        assertThat(Api.anonymous(port).signIn("nora", "nora-first-password")
                .form("/inbox/incidents/" + incident + "/notes", java.util.Map.of("body", "no longer mine")).status()).isEqualTo(403);

        assertThat(admin.patch("/api/admin/users/nora", "{\"enabled\":false}").status()).isEqualTo(200);
        assertThat(tryPassword("nora", "nora-first-password")).as("disabled").isFalse();
        assertThat(admin.patch("/api/admin/users/nobody", "{\"enabled\":true}").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("X6: an admin makes a key, seen once, that works until revoked; the list never shows a secret; others may not")
    void apiKeys() {
        Api.Answer made = admin.post("/api/admin/api-keys", "{\"name\":\"erp-south\",\"scopes\":[\"incidents:read\"]}");
        assertThat(made.status()).isEqualTo(201);
        String secret = made.body().get("key").asString();
        assertThat(secret).startsWith("dh_").hasSizeGreaterThan(40);

        Api erp = Api.withKey(port, secret);
        assertThat(erp.get("/api/incidents").status()).isEqualTo(200);
        JsonNode list = admin.get("/api/admin/api-keys").body();
        assertThat(list.toString()).contains("erp-south").doesNotContain(secret).doesNotContain(ApiKeys.hash(secret));
        String id = null;
        for (JsonNode key : list) {
            if (key.get("name").asString().equals("erp-south")) {
                id = key.get("id").asString();
                assertThat(key.hasNonNull("lastUsedAt")).isTrue();
            }
        }
        assertThat(erp.get("/api/admin/api-keys").status()).as("a reading key is no admin").isEqualTo(403);
        assertThat(Api.withKey(port, keys.create("agent-key", Set.of(Scope.DECISIONS_WRITE), null, "test"))
                .post("/api/admin/api-keys", "{\"name\":\"x\",\"scopes\":[\"admin\"]}").status()).isEqualTo(403);
        assertThat(admin.post("/api/admin/api-keys", "{\"name\":\"bad\",\"scopes\":[\"everything\"]}").status()).isEqualTo(400);

        assertThat(admin.delete("/api/admin/api-keys/" + id).status()).isEqualTo(204);
        assertThat(erp.get("/api/incidents").status()).as("revoked").isEqualTo(401);
        assertThat(admin.delete("/api/admin/api-keys/" + id).status()).isEqualTo(404);
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
