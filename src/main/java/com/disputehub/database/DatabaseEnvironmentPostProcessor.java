package com.disputehub.database;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the database before the context starts: {@code spring.datasource.*} when configured, else
 * {@code DATABASE_URL}, else an embedded PostgreSQL under {@code ./data/}, so that running needs no set-up.
 */
public class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (env.containsProperty("spring.datasource.url")) {
            return;
        }
        String databaseUrl = env.getProperty("DATABASE_URL");
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            env.getPropertySources().addFirst(
                    new MapPropertySource("disputehubDatabaseUrl", DatabaseUrl.toDatasourceProperties(databaseUrl)));
            return;
        }
        if (!env.getProperty("disputehub.embedded-db.enabled", Boolean.class, true)) {
            return;
        }
        Path directory = Path.of(env.getProperty("disputehub.embedded-db.directory", "./data/postgres"));
        int port = env.getProperty("disputehub.embedded-db.port", Integer.class, 0);
        String url = EmbeddedDatabase.start(directory.toAbsolutePath().normalize(), port);
        env.getPropertySources().addFirst(new MapPropertySource("disputehubEmbeddedDatabase",
                Map.of("spring.datasource.url", url, "spring.datasource.username", "postgres")));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
