package com.disputehub.sandbox.aliexpress;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;

/** The AliExpress simulator's beans, present while the sandbox is on. */
@Configuration
@ConditionalOnProperty(name = "disputehub.sandbox.enabled", havingValue = "true")
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
    DsSimOrders aliExpressSandboxDropshipping(Clock clock) {
        return new DsSimOrders(clock);
    }

    @Bean
    AeSimGateway aliExpressSandboxGateway(AeSimWorld world, DsSimOrders dropshipping) {
        return new AeSimGateway(world, dropshipping);
    }

    /** The demo shop's ERP registers its supplier orders with the demo DSers account, as a real one would. */
    @EventListener(ApplicationReadyEvent.class)
    void registerSupplierOrders(ApplicationReadyEvent event) {
        String account = properties.dropshippingAccount();
        var accounts = event.getApplicationContext().getBean(com.disputehub.channel.runtime.ChannelAccounts.class);
        if (accounts.find(account).isPresent()) {
            event.getApplicationContext().getBean(com.disputehub.supplier.SupplierOrders.class)
                    .save(account, event.getApplicationContext().getBean(DsSimOrders.class).registrations());
        }
    }

    /** Buyers answer and new disputes open every tick (0 for never). */
    @EventListener(ApplicationReadyEvent.class)
    void startTicking(ApplicationReadyEvent event) {
        if (!properties.tick().isZero()) {
            AeSimWorld world = event.getApplicationContext().getBean(AeSimWorld.class);
            scheduler.scheduleWithFixedDelay(world::tick, properties.tick());
            DsSimOrders dropshipping = event.getApplicationContext().getBean(DsSimOrders.class);
            // first after one period, not at start: the late order stays late until the demo has shown it
            Duration every = properties.tick().multipliedBy(4);
            scheduler.scheduleWithFixedDelay(dropshipping::tick, java.time.Instant.now().plus(every), every);
        }
    }
}
