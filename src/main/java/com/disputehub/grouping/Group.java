package com.disputehub.grouping;

import java.time.Instant;
import java.util.UUID;

import com.disputehub.incident.FilterForm;

/** A named set of incidents: listed by hand (manual), or every incident a saved filter matches (rule). */
public record Group(UUID id, String name, FilterForm rule, Instant createdAt, Instant updatedAt) {

    public boolean isRule() {
        return rule != null;
    }
}
