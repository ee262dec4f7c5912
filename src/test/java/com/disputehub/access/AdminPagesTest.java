package com.disputehub.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.disputehub.support.Api;
import com.disputehub.support.IntegrationTest;

/** People and API keys from the pages, for an admin (DOMAIN X6). */
class AdminPagesTest extends IntegrationTest {

    @Autowired
    Users users;
    @Autowired
    ApiKeys keys;

    Api admin;

    @BeforeEach
    void signIn() {
        jdbc.sql("delete from app_user where login in ('nina', 'nico')").update();
        admin = Api.anonymous(port).signInAsAdmin();
    }

    @Test
    @DisplayName("X6: an admin adds a person, changes the role, disables them, sets a password; mistakes are said on the page")
    void people() {
        assertThat(admin.submit("/inbox/admin/users", Map.of("login", "nina", "displayName", "Nina", "email", "nina@example.com",
                "role", "AGENT", "password", "nina-first-password"))).contains("nina can sign in now.").contains("nina@example.com");
        Api.anonymous(port).signIn("nina", "nina-first-password");

        assertThat(admin.submit("/inbox/admin/users/nina", Map.of("role", "VIEWER"))).contains("nina changed.");
        assertThat(users.find("nina").orElseThrow().role()).isEqualTo(Role.VIEWER);
        admin.submit("/inbox/admin/users/nina", Map.of("enabled", "false"));
        assertThat(users.find("nina").orElseThrow().enabled()).isFalse();
        admin.submit("/inbox/admin/users/nina", Map.of("enabled", "true"));
        admin.submit("/inbox/admin/users/nina", Map.of("password", "nina-second-password"));
        Api.anonymous(port).signIn("nina", "nina-second-password");

        assertThat(admin.submit("/inbox/admin/users", Map.of("login", "nico", "role", "AGENT", "password", "short")))
                .contains("a password has at least 12 characters").doesNotContain("data-login=\"nico\"");
        assertThat(admin.submit("/inbox/admin/users/admin", Map.of("enabled", "false"))).contains("you cannot disable yourself");
        assertThat(users.find("admin").orElseThrow().enabled()).isTrue();
    }

    @Test
    @DisplayName("X6: a key made on the page is shown once, not kept by the browser, works at once; revoking asks first")
    void keys() {
        String made = admin.formPage("/inbox/admin/keys", Map.of("name", "erp-west", "scopes", "incidents:read"));
        Matcher secret = Pattern.compile("id=\"new-key-secret\">(dh_[^<]+)<").matcher(made);
        assertThat(secret.find()).as(made).isTrue();
        Api erp = Api.withKey(port, secret.group(1));
        assertThat(erp.get("/api/incidents").status()).isEqualTo(200);
        assertThat(admin.page("/inbox/admin")).contains("erp-west").doesNotContain(secret.group(1));

        UUID id = keys.list().stream().filter(k -> k.name().equals("erp-west") && k.revokedAt() == null).findFirst().orElseThrow().id();
        String confirm = admin.formPage("/inbox/admin/keys/" + id + "/revoke", Map.of());
        assertThat(confirm).contains("id=\"confirm-question\"").contains("erp-west");
        assertThat(erp.get("/api/incidents").status()).as("asking changed nothing").isEqualTo(200);
        assertThat(admin.submit("/inbox/admin/keys/" + id + "/revoke", Map.of("confirmed", "yes"))).contains("Key “erp-west” revoked");
        assertThat(erp.get("/api/incidents").status()).isEqualTo(401);

        assertThat(admin.submit("/inbox/admin/keys", Map.of("name", "no-scope"))).contains("Not done:").contains("a key needs &#39;scopes&#39;");
    }
}
