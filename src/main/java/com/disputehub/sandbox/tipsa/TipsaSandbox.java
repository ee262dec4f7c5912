package com.disputehub.sandbox.tipsa;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Tipsa simulator: its beans, its SOAP endpoint and its clock, while the sandbox is on. */
@Configuration
@ConditionalOnProperty(name = "disputehub.sandbox.enabled", havingValue = "true")
class TipsaSandbox {

    /** {@code disputehub.sandbox.tipsa.*}: the demo login, how often the carrier moves, the data. */
    @ConfigurationProperties("disputehub.sandbox.tipsa")
    record Properties(@DefaultValue("000001") String agency, @DefaultValue("DEMO") String client,
                      @DefaultValue("sandbox-tipsa-password") String password, @DefaultValue("30s") Duration tick,
                      @DefaultValue("5") long seed, @DefaultValue("14") int initialIncidents) {
    }

    @Bean
    TsSimWorld tipsaSandboxWorld(Clock clock, Properties properties) {
        return new TsSimWorld(clock, properties.seed(), properties.initialIncidents(), properties.client());
    }

    @Bean
    TsSimSoap tipsaSandboxSoap(TsSimWorld world, Properties properties) {
        return new TsSimSoap(world, properties.agency(), properties.client(), properties.password());
    }

    /** Tipsa answers solutions, delivers and registers new incidents every tick (0 for never). */
    @EventListener(ApplicationReadyEvent.class)
    void startTicking(ApplicationReadyEvent event) {
        Properties properties = event.getApplicationContext().getBean(Properties.class);
        if (!properties.tick().isZero()) {
            TsSimWorld world = event.getApplicationContext().getBean(TsSimWorld.class);
            event.getApplicationContext().getBean(TaskScheduler.class).scheduleWithFixedDelay(world::tick, properties.tick());
        }
    }

    /** {@code POST /sandbox/tipsa/SOAP?service=LoginWSService|WebServService}, as Dinapaq's RemObjects server. */
    @RestController
    @ConditionalOnProperty(name = "disputehub.sandbox.enabled", havingValue = "true")
    static class Endpoint {
        private final TsSimSoap soap;

        Endpoint(TsSimSoap soap) {
            this.soap = soap;
        }

        @PostMapping(path = "/sandbox/tipsa/SOAP", produces = MediaType.TEXT_XML_VALUE)
        ResponseEntity<String> soap(@RequestParam String service, @RequestBody String envelope) {
            TsSimSoap.Reply reply = soap.handle(service, envelope);
            return ResponseEntity.status(reply.status()).contentType(MediaType.parseMediaType("text/xml; charset=utf-8"))
                    .body(reply.body());
        }
    }
}
