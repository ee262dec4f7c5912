package com.disputehub.incident;

import java.util.Map;

/** How many incidents each inbox tab holds; {@code all} is their sum. */
public record TabCounts(long all, Map<IncidentView, Long> byView) {

    public TabCounts {
        byView = Map.copyOf(byView);
    }

    public long of(IncidentView view) {
        return byView.getOrDefault(view, 0L);
    }
}
