package com.disputehub.event;

import java.util.UUID;

/** What an event is about: its incident (null for account events), channel and account, for filters and routing. */
public record EventSubject(UUID incidentId, String channel, String account) {

    public static EventSubject account(String channel, String account) {
        return new EventSubject(null, channel, account);
    }

    public static EventSubject none() {
        return new EventSubject(null, null, null);
    }
}
