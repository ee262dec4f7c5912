package com.disputehub.channel.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pulls the human message out of a channel's error body ({@code message}, {@code msg}, ...), or its text. */
public final class ChannelMessages {

    private static final Pattern MESSAGE = Pattern.compile(
            "\"(?:message|msg|error_description|error)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private ChannelMessages() {
    }

    public static String extract(String body, int max) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        Matcher m = MESSAGE.matcher(body);
        String text = m.find() ? m.group(1).replace("\\\"", "\"") : body.strip();
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
