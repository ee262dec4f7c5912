package com.disputehub.channel.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.disputehub.channel.NormalizationException;
import com.disputehub.channel.RawRecord;

import tools.jackson.databind.JsonNode;

/** Reads optional text out of channel JSON: a missing, null, non-scalar or blank value is null. */
public final class JsonText {

    private JsonText() {
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
