package com.disputehub.sandbox.aliexpress;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;

/** The AliExpress simulator's beans, present while the sandbox is on. */
@Configuration
@ConditionalOnProperty(name = "disputehub.sandbox.enabled", havingValue = "true", matchIfMissing = true)
class AliExpressSandboxConfig {

    private final TaskScheduler scheduler;
    private final AeSandboxProperties properties;

    AliExpressSandboxConfig(TaskScheduler scheduler, AeSandboxProperties properties) {
        this.scheduler = scheduler;
        this.properties = properties;
    }

    @Bean
    AeSimWorld aliExpressSandboxWorld(Clock clock) {
        return new AeSimWorld(clock, properties.seed(), properties.initialDisputes());
    }

    @Bean
    AeSimGateway aliExpressSandboxGateway(AeSimWorld world) {
        return new AeSimGateway(world);
    }

    /** Buyers answer and new disputes open every tick (0 for never). */
    @EventListener(ApplicationReadyEvent.class)
    void startTicking(ApplicationReadyEvent event) {
        if (!properties.tick().isZero()) {
            AeSimWorld world = event.getApplicationContext().getBean(AeSimWorld.class);
            scheduler.scheduleWithFixedDelay(world::tick, properties.tick());
        }
    }
}
