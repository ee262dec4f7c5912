package com.disputehub.webhook;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;

/** The webhook flow: on each poll, new events become deliveries and due deliveries start on their endpoints' threads. */
@Configuration
class WebhookFlow {

    static final String POLLER_ID = "webhookDelivery.poller";

    @Bean
    IntegrationFlow webhookDelivery(WebhookDeliverer deliverer, WebhookProperties properties) {
        return IntegrationFlow
                .fromSupplier(deliverer::run, e -> e.id(POLLER_ID)
                        .autoStartup(properties.autoStartup())
                        .poller(Pollers.fixedDelay(properties.pollInterval())))
                .nullChannel();
    }
}
