package com.disputehub.event;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.disputehub.database.Sql;

/**
 * Removes events older than the retention that every reader that pushes already has: each enabled webhook endpoint
 * has fanned them out with nothing pending, and the AMQP publisher has them confirmed; the delivery log goes
 * with them. Readers that pull are told
 * where the stream now starts (410 below it).
 */
@Configuration
class EventRetention {

    @Bean
    IntegrationFlow eventPurge(JdbcClient jdbc, TransactionTemplate tx, EventsProperties properties, Clock clock) {
        return IntegrationFlow
                .fromSupplier(() -> purge(jdbc, tx, properties, clock), e -> e.id("eventPurge.poller")
                        .poller(Pollers.fixedDelay(properties.purgeInterval())))
                .nullChannel();
    }

    static int purge(JdbcClient jdbc, TransactionTemplate tx, EventsProperties properties, Clock clock) {
        Instant cutoff = clock.instant().minus(properties.retention());
        return tx.execute(status -> {
            long through = jdbc.sql("""
                    with gone as (
                      delete from event e
                      where e.seq is not null and e.at < :cutoff
                        and e.seq <= coalesce((select min(cursor) from webhook_endpoint where enabled), e.seq)
                        and e.seq <= coalesce((select min(seq) from event_cursor), e.seq)
                        and not exists (select 1 from webhook_delivery d where d.event_seq = e.seq and d.state = 'PENDING')
                      returning e.seq)
                    select coalesce(max(seq), 0) from gone
                    """).param("cutoff", Sql.ts(cutoff)).query(Long.class).single();
            jdbc.sql("delete from webhook_delivery where state <> 'PENDING' and created_at < ?").param(Sql.ts(cutoff)).update();
            return jdbc.sql("update event_retention set purged_through = greatest(purged_through, ?)").param(through).update();
        });
    }
}
