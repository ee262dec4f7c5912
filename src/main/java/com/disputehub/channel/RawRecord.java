package com.disputehub.channel;

import java.nio.charset.StandardCharsets;

/** One record as the channel sent it: a reference for people, the media type, and the raw bytes. */
public record RawRecord(String ref, String contentType, byte[] body) {

    public static RawRecord json(String ref, String json) {
        return new RawRecord(ref, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
