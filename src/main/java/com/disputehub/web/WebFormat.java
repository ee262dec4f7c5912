package com.disputehub.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.disputehub.incident.Money;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Dates in the inbox's time zone and amounts with their currency, for the templates ({@code @webFormat}). */
@Component("webFormat")
class WebFormat {

    private final DateTimeFormatter time;
    private final ZoneId zone;
    private final ObjectMapper json;

    WebFormat(@Value("${disputehub.inbox.zone:Europe/Madrid}") ZoneId zone, ObjectMapper json) {
        this.zone = zone;
        this.json = json;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    }

    public String time(Instant at) {
        return at == null ? "" : time.format(at);
    }

    /** A {@code datetime-local} field's value (2026-12-03T09:00), read in the inbox's time zone. */
    Instant parseLocal(String field, String value) {
        try {
            return java.time.LocalDateTime.parse(value.trim()).atZone(zone).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("'" + field + "' must be a date and time, like 2026-12-03T09:00, not '" + value + "'");
        }
    }

    public String zone() {
        return zone.getId();
    }

    public String money(Money money) {
        return money == null ? "" : money.display();
    }

    /** JSON indented for a {@code <pre>}. */
    public String pretty(JsonNode node) {
        return node == null ? "" : json.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }

    /** Only http(s) links become links or images; anything else (javascript:, data:) is shown as text. */
    public boolean safeUrl(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://"));
    }
}
