package com.disputehub.channel.mirakl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.mirakl.model.MiraklReason;

/**
 * The operator's reason lists (RE01), loaded per account and locale and kept for an hour: every operator
 * defines its own codes, so none is hard-coded here.
 */
@Component
class MiraklReasons {

    static final String REFUND = "REFUND";
    static final String INCIDENT_OPEN = "INCIDENT_OPEN";
    static final String INCIDENT_CLOSE = "INCIDENT_CLOSE";
    private static final Duration TTL = Duration.ofHours(1);

    private final MiraklClient client;
    private final Clock clock;
    private final Map<String, Loaded> cache = new ConcurrentHashMap<>();

    MiraklReasons(MiraklClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** Reasons of one type; throws a ChannelException when RE01 cannot be read. */
    List<MiraklReason> ofType(ChannelAccount account, String type) {
        return all(account).stream().filter(r -> type.equals(r.type())).toList();
    }

    /** Reasons of one type, or empty when RE01 cannot be read right now. */
    Optional<List<MiraklReason>> ofTypeIfAvailable(ChannelAccount account, String type) {
        try {
            return Optional.of(ofType(account, type));
        } catch (RuntimeException unavailable) {
            return Optional.empty();
        }
    }

    private List<MiraklReason> all(ChannelAccount account) {
        String locale = account.option("locale").orElse(null);
        String key = account.id() + "|" + locale;
        Instant now = clock.instant();
        Loaded loaded = cache.get(key);
        if (loaded == null || loaded.at().plus(TTL).isBefore(now)) {
            loaded = new Loaded(client.reasons(account, locale), now);
            cache.put(key, loaded);
        }
        return loaded.reasons();
    }

    private record Loaded(List<MiraklReason> reasons, Instant at) {
    }
}
