package com.disputehub.event.amqp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.integration.amqp.outbound.AmqpOutboundEndpoint;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.disputehub.event.EventLog;

import tools.jackson.databind.ObjectMapper;

/**
 * The AMQP side of the event stream (DOMAIN X7), on with {@code disputehub.events.amqp.enabled=true}: the durable
 * topic exchange, declared at start, and a poller that publishes new events with publisher confirms.
 */
@Configuration
@ConditionalOnBooleanProperty("disputehub.events.amqp.enabled")
class AmqpEvents {

    private static final Logger log = LoggerFactory.getLogger(AmqpEvents.class);

    @Bean
    TopicExchange eventsExchange(AmqpProperties properties) {
        return new TopicExchange(properties.exchange(), true, false);
    }

    /** Persistent messages to the exchange; each send waits for the broker's confirm and fails on a nack or timeout. */
    @Bean
    AmqpOutboundEndpoint eventsOutbound(RabbitTemplate template, AmqpProperties properties) {
        AmqpOutboundEndpoint endpoint = new AmqpOutboundEndpoint(template);
        endpoint.setExchangeName(properties.exchange());
        endpoint.setRoutingKeyExpressionString("headers['" + AmqpEventPublisher.ROUTING_KEY + "']");
        endpoint.setConfirmCorrelationExpressionString("headers['amqp_messageId']");
        endpoint.setWaitForConfirm(true);
        endpoint.setConfirmTimeout(properties.confirmTimeout().toMillis());
        endpoint.setDefaultDeliveryMode(MessageDeliveryMode.PERSISTENT);
        return endpoint;
    }

    @Bean
    AmqpEventPublisher amqpEventPublisher(AmqpOutboundEndpoint eventsOutbound, EventLog events, JdbcClient jdbc,
                                          TransactionTemplate tx, ObjectMapper json, AmqpProperties properties) {
        return new AmqpEventPublisher(eventsOutbound, events, jdbc, tx, json, properties.batchSize());
    }

    @Bean
    IntegrationFlow amqpPublishing(AmqpEventPublisher publisher, AmqpProperties properties) {
        return IntegrationFlow
                .fromSupplier(publisher::publishNew, e -> e.id("amqpEvents.poller")
                        .poller(Pollers.fixedDelay(properties.pollInterval())))
                .nullChannel();
    }

    /** Declares the exchange as soon as the connector is up; when the broker is not there yet, on first connection. */
    @EventListener(ApplicationReadyEvent.class)
    void declare(ApplicationReadyEvent ready) {
        try {
            ready.getApplicationContext().getBean(RabbitAdmin.class).initialize();
        } catch (RuntimeException e) {
            log.warn("could not declare the events exchange now (broker not reachable?); it is declared on first connection: {}",
                    e.getMessage());
        }
    }
}
