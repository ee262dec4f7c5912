package com.disputehub.sync;

import java.time.Instant;

/** The visible state of one account's sync: its cursor and how the last polls went. */
public record SyncStatus(String accountId, String channelType, String cursor, long polls, long recordsStored,
                         long recordsQuarantined, Instant lastPollStarted, Instant lastPollFinished,
                         Instant lastSuccess, String lastError, Instant lastErrorAt) {
}
