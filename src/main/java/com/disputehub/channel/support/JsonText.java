package com.disputehub.channel.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.disputehub.channel.ChannelProtocolException;
import com.disputehub.channel.NormalizationException;
import com.disputehub.channel.RawRecord;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads channel JSON: money-safe parsing, and optional text and times out of it (missing, null or blank is null). */
public final class JsonText {

    /** Decimals as BigDecimal, never double, with their trailing zeros (an amount stays "10.50"). */
    public static final JsonMapper MAPPER = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();

    private JsonText() {
    }

    /** A channel's answer as JSON; an answer that is not JSON is the channel's protocol error, named by {@code what}. */
    public static JsonNode read(String what, String body) {
        try {
            return MAPPER.readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            throw new ChannelProtocolException(what + ": the answer is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        String text = value.isValueNode() ? value.asString("") : "";
        return text.isBlank() ? null : text;
    }

    /** An ISO 8601 time with an offset ({@code 2026-11-20T09:15:00.000Z}); null for none; a record's error otherwise. */
    public static Instant instant(RawRecord raw, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new NormalizationException(raw.ref() + ": '" + value + "' is not an ISO 8601 time", e);
        }
    }
}
