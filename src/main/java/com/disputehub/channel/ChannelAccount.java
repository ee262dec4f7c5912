package com.disputehub.channel;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** One configured account on one channel. Credentials never appear in {@link #toString()}. */
public record ChannelAccount(String id, String channelType, URI baseUrl, Duration pollInterval, boolean sandbox,
                             Map<String, String> credentials, Map<String, String> options) {

    public ChannelAccount {
        credentials = credentials == null ? Map.of() : Map.copyOf(credentials);
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /** A credential; a clear error names the missing key (never its value). */
    public String credential(String key) {
        String value = credentials.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("account '" + id + "' has no credentials." + key
                    + " (set disputehub.accounts." + id + ".credentials." + key + ")");
        }
        return value;
    }

    /** A non-secret setting, looked up in {@code options} and then in {@code credentials}. */
    public Optional<String> option(String key) {
        String value = options.getOrDefault(key, credentials.get(key));
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    @Override
    public String toString() {
        return "ChannelAccount[id=" + id + ", channel=" + channelType + ", baseUrl=" + baseUrl
                + ", credentials=" + credentials.keySet() + " (hidden), options=" + options + "]";
    }
}
