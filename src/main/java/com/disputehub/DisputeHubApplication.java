package com.disputehub;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** DisputeHub: pulls disputes from marketplaces, carriers and suppliers into one place and pushes decisions back. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DisputeHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(DisputeHubApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
