package com.disputehub.sandbox.orderchamp;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/** The Orderchamp simulator: its beans, its GraphQL endpoint, and its clock, while the sandbox is on. */
@Configuration
@ConditionalOnProperty(name = "disputehub.sandbox.enabled", havingValue = "true")
class OrderchampSandbox {

    /** {@code disputehub.sandbox.orderchamp.*}: the brand's token, how often problems move, the data. */
    @ConfigurationProperties("disputehub.sandbox.orderchamp")
    record Properties(@DefaultValue("sandbox-orderchamp-token") String accessToken, @DefaultValue("30s") Duration tick,
                      @DefaultValue("11") long seed, @DefaultValue("12") int initialProblems,
                      @DefaultValue("150") int ordersLast30Days) {
    }

    @Bean
    OcSimWorld orderchampSandboxWorld(Clock clock, Properties properties) {
        return new OcSimWorld(clock, properties.seed(), properties.initialProblems(), properties.ordersLast30Days());
    }

    @Bean
    OcSimGraphql orderchampSandboxGraphql(OcSimWorld world) {
        return new OcSimGraphql(world);
    }

    @EventListener(ApplicationReadyEvent.class)
    void startTicking(ApplicationReadyEvent event) {
        Properties properties = event.getApplicationContext().getBean(Properties.class);
        if (!properties.tick().isZero()) {
            OcSimWorld world = event.getApplicationContext().getBean(OcSimWorld.class);
            event.getApplicationContext().getBean(TaskScheduler.class).scheduleWithFixedDelay(world::tick, properties.tick());
        }
    }

    /** {@code POST /sandbox/orderchamp/v1/graphql}, Bearer token required. */
    @RestController
    @ConditionalOnProperty(name = "disputehub.sandbox.enabled", havingValue = "true")
    static class Endpoint {
        private final OcSimGraphql graphql;
        private final Properties properties;

        Endpoint(OcSimGraphql graphql, Properties properties) {
            this.graphql = graphql;
            this.properties = properties;
        }

        @PostMapping(path = "/sandbox/orderchamp/v1/graphql", produces = MediaType.APPLICATION_JSON_VALUE)
        ResponseEntity<String> graphql(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                       @RequestBody String body) {
            if (!("Bearer " + properties.accessToken()).equals(authorization)) {
                return ResponseEntity.status(401).contentType(MediaType.APPLICATION_JSON).body(OcSimGraphql.JSON.writeValueAsString(
                        OcSimGraphql.errors("Invalid or missing access token", "UNAUTHENTICATED")));
            }
            try {
                JsonNode request = OcSimGraphql.JSON.readTree(body);
                return ResponseEntity.ok(OcSimGraphql.JSON.writeValueAsString(
                        graphql.execute(request.path("query").asString(""), request.path("variables"))));
            } catch (RuntimeException e) {
                return ResponseEntity.ok(OcSimGraphql.JSON.writeValueAsString(OcSimGraphql.errors(
                        "Cannot execute this document: " + e.getMessage(), "BAD_REQUEST")));
            }
        }
    }
}
