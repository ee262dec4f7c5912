package com.disputehub.incident;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Facts a channel reports that the common model has no column for, in the channel's own words: a carrier's
 * status code, notes and distance, a supplier order's lateness; and the history of the shipment or order.
 * Keys are stable names (see {@link CarrierFields}, {@link SupplierFields}); values are shown as they are.
 */
public record ChannelDetails(Map<String, String> attributes, List<HistoryEntry> history) {

    public static final ChannelDetails NONE = new ChannelDetails(Map.of(), List.of());

    public ChannelDetails {
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        history = history == null ? List.of() : List.copyOf(history);
    }

    public String attribute(String key) {
        return attributes.get(key);
    }

    /** One step of a shipment's or an order's history: when, the channel's code, and its text. */
    public record HistoryEntry(Instant at, String code, String text) {

        public HistoryEntry {
            at = at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
        }
    }
}
