package com.disputehub.channel.support;

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
}
