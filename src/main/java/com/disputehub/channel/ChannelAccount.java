package com.disputehub.channel;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One configured account on one channel. Credentials never appear in {@link #toString()}.
 *
 * <p>Keys of credentials and options are compared without case, dashes, dots or underscores: an environment
 * variable {@code ..._CREDENTIALS_API_KEY} reaches Spring as {@code api.key}, and must still be {@code api-key}.
 */
public record ChannelAccount(String id, String channelType, URI baseUrl, Duration pollInterval, boolean sandbox,
                             Map<String, String> credentials, Map<String, String> options) {

    public ChannelAccount {
        credentials = credentials == null ? Map.of() : Map.copyOf(credentials);
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    private static String lookup(Map<String, String> values, String name) {
        String wanted = key(name);
        return values.entrySet().stream().filter(e -> key(e.getKey()).equals(wanted)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-._]", "");
    }

    /** A credential; a clear error names the missing key (never its value). */
    public String credential(String key) {
        String value = lookup(credentials, key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("account '" + id + "' has no credentials." + key
                    + " (set disputehub.accounts." + id + ".credentials." + key + ")");
        }
        return value;
    }

    /** A non-secret setting, looked up in {@code options} and then in {@code credentials}. */
    public Optional<String> option(String key) {
        String value = lookup(options, key);
        if (value == null) {
            value = lookup(credentials, key);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** The language its buyers write in: the {@code locale} option's language (es_ES gives es), when set. */
    public Optional<String> language() {
        return option("locale").map(l -> l.split("[_-]")[0].toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public String toString() {
        return "ChannelAccount[id=" + id + ", channel=" + channelType + ", baseUrl=" + baseUrl
                + ", credentials=" + credentials.keySet() + " (hidden), options=" + options + "]";
    }
}
