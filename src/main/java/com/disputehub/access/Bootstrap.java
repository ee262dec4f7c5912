package com.disputehub.access;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * A first start and automation (DOMAIN X6): {@code DISPUTEHUB_BOOTSTRAP_ADMIN_PASSWORD} creates or resets the user
 * {@code admin} (ADMIN); {@code DISPUTEHUB_BOOTSTRAP_API_KEY} registers that key with every scope. A store with no
 * user and no bootstrap password gets {@code admin} with a random password, printed once in the start-up log.
 */
@Component
class Bootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    private final Users users;
    private final ApiKeys keys;
    private final String adminPassword;
    private final String apiKey;
    private final DemoUsers demo;

    Bootstrap(Users users, ApiKeys keys, @Value("${disputehub.bootstrap.admin-password:}") String adminPassword,
              @Value("${disputehub.bootstrap.api-key:}") String apiKey, DemoUsers demo) {
        this.users = users;
        this.demo = demo;
        this.keys = keys;
        this.adminPassword = adminPassword;
        this.apiKey = apiKey;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (DemoUsers.DemoUser user : demo.demoUsers()) {
            users.save(user.login(), null, user.login(), user.role(), user.password());
            log.info("demo user '{}' ({}) signs in with the password '{}' (config/application-demo.yml)", user.login(), user.role(),
                    user.password());
        }
        if (!adminPassword.isBlank()) {
            users.save("admin", null, "Administrator", Role.ADMIN, adminPassword);
            log.info("user 'admin' (ADMIN) set from DISPUTEHUB_BOOTSTRAP_ADMIN_PASSWORD");
        } else if (users.count() == 0) {
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            users.save("admin", null, "Administrator", Role.ADMIN, password);
            log.warn("No user yet: created 'admin' (ADMIN) with the password {} - shown this once; change it, or set "
                    + "DISPUTEHUB_BOOTSTRAP_ADMIN_PASSWORD", password);
        }
        if (!apiKey.isBlank()) {
            keys.register(apiKey, "bootstrap", EnumSet.allOf(Scope.class), null, "bootstrap");
            log.info("API key 'bootstrap' (every scope) registered from DISPUTEHUB_BOOTSTRAP_API_KEY");
        }
    }
}
