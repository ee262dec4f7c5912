package com.disputehub.event.amqp;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code disputehub.events.amqp.*}: whether events go to RabbitMQ (the broker is Boot's {@code spring.rabbitmq.*}),
 * the durable topic exchange, how often the publisher looks for new events, how many it takes at once, and how long
 * it waits for the broker's confirm of each.
 */
@ConfigurationProperties("disputehub.events.amqp")
public record AmqpProperties(@DefaultValue("false") boolean enabled,
                             @DefaultValue("disputehub.events") String exchange,
                             @DefaultValue("500ms") Duration pollInterval,
                             @DefaultValue("200") int batchSize,
                             @DefaultValue("10s") Duration confirmTimeout) {
}
