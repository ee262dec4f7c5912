package com.disputehub.channel.mirakl;

import java.time.Instant;

/**
 * Where sync stands on one Mirakl account. Phase ORDERS pages OR11 ({@code has_incident=true}) from
 * {@code ordersSince} by offset; phase THREADS seeks M11 from {@code threadsSince}, to catch orders whose
 * only change is a new message. The high-water marks become the next "since" values once a phase ends.
 */
record MiraklCursor(String phase, Instant ordersSince, int offset, Instant ordersHigh, Instant threadsSince,
                    String pageToken, Instant threadsHigh) {

    static final String ORDERS = "ORDERS";
    static final String THREADS = "THREADS";

    static MiraklCursor parse(String text) {
        if (text == null || text.isBlank()) {
            return new MiraklCursor(ORDERS, null, 0, null, null, null, null);
        }
        return MiraklJson.MAPPER.readValue(text, MiraklCursor.class);
    }

    String text() {
        return MiraklJson.MAPPER.writeValueAsString(this);
    }

    static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
