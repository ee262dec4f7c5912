package com.disputehub.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import com.disputehub.channel.runtime.ChannelAccounts;
import com.disputehub.support.Api;
import com.disputehub.support.IntegrationTest;

/** Started without the demo profile, with config/application.yml as shipped: nothing of the demo (DOMAIN X6). */
class ProductionProfileTest extends IntegrationTest {

    @Autowired
    Environment environment;
    @Autowired
    DemoUsers demoUsers;
    @Autowired
    ChannelAccounts configured;

    @Test
    @DisplayName("X6: without the demo profile there is no sandbox endpoint, no demo account, no demo user and no demo key")
    void noDemo() {
        assertThat(environment.getActiveProfiles()).doesNotContain("demo");
        Api api = new Api(port);
        assertThat(api.get("/sandbox/mirakl/api/orders", "Authorization", "sandbox-mirakl-shop-key").status()).isEqualTo(404);
        assertThat(api.get("/sandbox/orderchamp/graphql").status()).isEqualTo(404);
        assertThat(configured.all()).noneMatch(a -> a.id().startsWith("demo-") || a.sandbox());
        assertThat(api.get("/api/accounts").body().toString()).doesNotContain("demo-");
        assertThat(demoUsers.demoUsers()).isEmpty();
        assertThat(Api.withKey(port, "dh_demo-key-for-the-sandbox-only-2026").get("/api/incidents").status())
                .as("the demo's key is the demo's only").isEqualTo(401);
    }
}
