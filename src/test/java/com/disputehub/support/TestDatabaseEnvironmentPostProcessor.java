package com.disputehub.support;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every test context at this run's own database, before the application chooses one; and stops its web
 * server at once when the test JVM ends, instead of gracefully: the suite's cached contexts close one after another
 * at exit, and a stream a test left open would hold each up for the 30 s grace period.
 */
public class TestDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        env.getPropertySources().addFirst(new MapPropertySource("disputehubTestDatabase", Map.of(
                "spring.datasource.url", TestDatabase.url(),
                "spring.datasource.username", "postgres",
                "server.shutdown", "immediate")));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
