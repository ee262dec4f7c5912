package com.disputehub.event;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code disputehub.events.*}: how long events stay readable (GET /api/events, replays) once every webhook
 * endpoint and the AMQP publisher have them, and how often the old ones are removed.
 */
@ConfigurationProperties("disputehub.events")
public record EventsProperties(@DefaultValue("30d") Duration retention, @DefaultValue("1h") Duration purgeInterval) {
}
