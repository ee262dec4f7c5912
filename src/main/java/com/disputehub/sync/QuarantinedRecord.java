package com.disputehub.sync;

import java.time.Instant;

/** A record that could not be read, kept with its raw bytes, the stage that failed and why. */
public record QuarantinedRecord(long id, String accountId, String channelType, String recordRef, String contentType,
                                byte[] raw, String stage, String error, Instant createdAt) {
}
