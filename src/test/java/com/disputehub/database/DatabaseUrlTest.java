package com.disputehub.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** DATABASE_URL as hosting platforms give it becomes Spring's datasource properties. */
class DatabaseUrlTest {

    @Test
    @DisplayName("X1: postgres://user:password@host:port/db becomes a JDBC URL with user and password")
    void postgresUrl() {
        assertThat(DatabaseUrl.toDatasourceProperties("postgres://dh:p%40ss@db.internal:6543/disputehub?sslmode=require"))
                .containsEntry("spring.datasource.url", "jdbc:postgresql://db.internal:6543/disputehub?sslmode=require")
                .containsEntry("spring.datasource.username", "dh")
                .containsEntry("spring.datasource.password", "p@ss");
    }

    @Test
    @DisplayName("X1: a JDBC URL is taken as it is, and the default port is 5432")
    void jdbcAndDefaultPort() {
        assertThat(DatabaseUrl.toDatasourceProperties("jdbc:postgresql://h/db")).containsEntry("spring.datasource.url", "jdbc:postgresql://h/db");
        assertThat(DatabaseUrl.toDatasourceProperties("postgresql://h/db")).containsEntry("spring.datasource.url", "jdbc:postgresql://h:5432/db");
    }

    @Test
    @DisplayName("X1: another scheme is refused with a message that says what is expected")
    void wrongScheme() {
        assertThatThrownBy(() -> DatabaseUrl.toDatasourceProperties("mysql://h/db")).hasMessageContaining("postgres://");
    }
}
