package com.disputehub.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.disputehub.support.Api;
import com.disputehub.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/** Every change and every sign-in is in the append-only audit log, which a supervisor reads (DOMAIN X6). */
class AuditLogTest extends IntegrationTest {

    @Autowired
    Users users;

    @Test
    @DisplayName("X6: changes by a key and by a person, sign-ins and refused sign-ins are logged with actor, target and outcome; paged")
    void logged() {
        jdbc.sql("delete from app_user where login = 'audra'").update();
        users.create("audra", null, "Audra", Role.SUPERVISOR, "audra-first-password");
        UUID incident = syncFixtureOrders(ACCOUNT, "");
        Api key = new Api(port);
        assertThat(key.post("/api/incidents/" + incident + "/notes", "{\"body\":\"checked the parcel photos\"}").status()).isEqualTo(201);
        assertThatThrownBy(() -> Api.anonymous(port).signIn("audra", "not-her-password-at-all")).isInstanceOf(AssertionError.class);
        Api audra = Api.anonymous(port).signIn("audra", "audra-first-password");
        assertThat(audra.form("/inbox/incidents/" + incident + "/notes", Map.of("body", "and the label")).status()).isLessThan(400);

        JsonNode byKey = key.get("/api/audit?actor=key:bootstrap&limit=500").body();
        assertThat(entry(byKey, "POST /api/incidents/{id}/notes")).isNotNull();
        assertThat(entry(byKey, "POST /api/incidents/{id}/notes").get("target").asString()).contains(incident.toString());
        assertThat(entry(byKey, "POST /api/incidents/{id}/notes").get("outcome").asInt()).isEqualTo(201);

        JsonNode byAudra = audra.get("/api/audit?actor=audra").body();
        assertThat(byAudra.get(0).get("action").asString()).as("newest first").isEqualTo("POST /inbox/incidents/{id}/notes");
        assertThat(byAudra.get(1).get("action").asString()).isEqualTo("SIGN-IN");
        assertThat(byAudra.get(1).get("outcome").asInt()).isEqualTo(200);
        assertThat(byAudra.get(1).get("address").asString()).isEqualTo("127.0.0.1");
        assertThat(byAudra.get(2).get("action").asString()).isEqualTo("SIGN-IN");
        assertThat(byAudra.get(2).get("outcome").asInt()).as("the wrong password").isEqualTo(401);

        assertThat(audra.page("/inbox/audit?actor=audra&lang=en")).as("the page, for a supervisor")
                .contains("Audit log").contains("POST /inbox/incidents/{id}/notes").contains("SIGN-IN");
        JsonNode page = audra.get("/api/audit?actor=audra&limit=1&before=" + byAudra.get(0).get("id").asLong()).body();
        assertThat(page.size()).isEqualTo(1);
        assertThat(page.get(0).get("id").asLong()).isEqualTo(byAudra.get(1).get("id").asLong());
    }

    @Test
    @DisplayName("X6: the audit log (API and page) is for supervisors, and the database refuses to change or delete an entry")
    void guarded() {
        String agentKey = new Api(port).post("/api/admin/api-keys", "{\"name\":\"audit-agent\",\"scopes\":[\"decisions:write\"]}")
                .body().get("key").asString();
        assertThat(Api.withKey(port, agentKey).get("/api/audit").status()).isEqualTo(403);
        assertThat(Api.anonymous(port).get("/api/audit").status()).isEqualTo(401);
        jdbc.sql("delete from app_user where login = 'aldo'").update();
        users.create("aldo", null, "Aldo", Role.AGENT, "aldo-first-password");
        assertThat(Api.anonymous(port).signIn("aldo", "aldo-first-password").status("GET", "/inbox/audit")).isEqualTo(403);
        assertThatThrownBy(() -> jdbc.sql("update audit_event set actor = 'someone else'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update()).hasMessageContaining("append-only");
    }

    private static JsonNode entry(JsonNode entries, String action) {
        for (JsonNode entry : entries) {
            if (entry.get("action").asString().equals(action)) {
                return entry;
            }
        }
        return null;
    }
}
