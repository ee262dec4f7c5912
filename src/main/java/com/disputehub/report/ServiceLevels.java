package com.disputehub.report;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The time each channel gives a seller to answer, as the dashboard measures first responses against it, in
 * calendar time ({@code disputehub.reports.service-level.<channel>}). Mirakl's 24 business hours are counted as 24
 * calendar hours, so the figure is never kinder than the channel.
 */
@ConfigurationProperties("disputehub.reports")
public record ServiceLevels(Map<String, Duration> serviceLevel) {

    static final Map<String, Duration> DEFAULTS = Map.of(
            "mirakl", Duration.ofHours(24), "aliexpress", Duration.ofDays(5), "ebay", Duration.ofDays(3),
            "mercadolibre", Duration.ofDays(2), "allegro", Duration.ofDays(3), "orderchamp", Duration.ofDays(2),
            "tipsa", Duration.ofHours(24), "dsers", Duration.ofDays(5), "cj", Duration.ofDays(3));

    public ServiceLevels {
        serviceLevel = serviceLevel == null ? Map.of() : Map.copyOf(serviceLevel);
    }

    static final Duration OTHERWISE = Duration.ofHours(48);

    /** The channel's service level; {@link #OTHERWISE} for a channel without one. */
    public Duration of(String channel) {
        return serviceLevel.getOrDefault(channel, DEFAULTS.getOrDefault(channel, OTHERWISE));
    }

    /** Every channel's service level that is set (configured, else the default), in seconds, for a query. */
    Map<String, Long> seconds() {
        Map<String, Long> seconds = new java.util.HashMap<>();
        DEFAULTS.forEach((channel, level) -> seconds.put(channel, level.toSeconds()));
        serviceLevel.forEach((channel, level) -> seconds.put(channel, level.toSeconds()));
        return seconds;
    }
}
