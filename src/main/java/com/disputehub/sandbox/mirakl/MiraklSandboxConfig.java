package com.disputehub.sandbox.mirakl;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;

/** The Mirakl simulator's beans, present while {@code disputehub.sandbox.enabled} is true (the demo profile). */
@Configuration
@ConditionalOnProperty(name = "disputehub.sandbox.enabled", havingValue = "true")
class MiraklSandboxConfig {

    @Bean
    SimWorld miraklSandboxWorld(Clock clock, MiraklSandboxProperties properties) {
        return new SimWorld(clock, properties.seed(), properties.initialOrders(), properties.payableBalance(),
                properties.buyerAnswerDelay());
    }

    @Bean
    SimDecisions miraklSandboxDecisions(SimWorld world, Clock clock) {
        return new SimDecisions(world, clock);
    }

    @Bean
    SimDocuments miraklSandboxDocuments(SimWorld world, Clock clock) {
        return new SimDocuments(world, clock);
    }

    /** The marketplace lives on: every tick a new incident, a customer message, or the operator closing one. */
    @EventListener(ApplicationReadyEvent.class)
    void startTicking(ApplicationReadyEvent event) {
        MiraklSandboxProperties properties = event.getApplicationContext().getBean(MiraklSandboxProperties.class);
        if (!properties.tick().isZero()) {
            SimWorld world = event.getApplicationContext().getBean(SimWorld.class);
            event.getApplicationContext().getBean(TaskScheduler.class).scheduleWithFixedDelay(world::tick, properties.tick());
        }
    }
}
