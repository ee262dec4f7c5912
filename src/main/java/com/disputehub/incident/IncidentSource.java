package com.disputehub.incident;

/** Where a snapshot came from: the channel, the account, and the adapter version that normalized it. */
public record IncidentSource(String channelType, String accountId, String adapterVersion) {
}
