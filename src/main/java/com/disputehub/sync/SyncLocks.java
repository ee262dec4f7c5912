package com.disputehub.sync;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;

/** Spring Integration's JDBC lock registry on PostgreSQL: one poller per account across all instances. */
@Configuration
class SyncLocks {

    @Bean
    DefaultLockRepository lockRepository(DataSource dataSource) {
        return new DefaultLockRepository(dataSource);
    }

    /** The lease outlives a long poll; the sync renews it after every page. */
    @Bean
    JdbcLockRegistry lockRegistry(DefaultLockRepository lockRepository, SyncProperties properties) {
        return new JdbcLockRegistry(lockRepository, properties.lockTtl());
    }
}
