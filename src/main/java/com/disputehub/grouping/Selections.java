package com.disputehub.grouping;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.disputehub.channel.runtime.KnownFilters;
import com.disputehub.incident.IncidentFilter;
import com.disputehub.incident.IncidentQueries;

/** Turns a {@link Selection} into the incidents it holds, at most {@link #MAX}, for bulk answers and assignment. */
@Component
public class Selections {

    /** The most incidents one selection may hold. */
    public static final int MAX = 5_000;

    private final KnownFilters knownFilters;
    private final Groups groups;
    private final IncidentQueries queries;

    Selections(KnownFilters knownFilters, Groups groups, IncidentQueries queries) {
        this.knownFilters = knownFilters;
        this.groups = groups;
        this.queries = queries;
    }

    /** The incidents selected, by deadline; "assignee=me" in a filter stands for {@code actor}. */
    public List<UUID> resolve(Selection selection, String actor) {
        selection.check();
        if (!selection.incidentIds().isEmpty()) {
            List<UUID> ids = List.copyOf(new LinkedHashSet<>(selection.incidentIds()));
            if (ids.size() > MAX) {
                throw new IllegalArgumentException(tooMany(ids.size()));
            }
            return ids;
        }
        IncidentFilter filter = selection.filter() == null ? IncidentFilter.all()
                : knownFilters.check(selection.filter().forViewer(actor));
        if (selection.groupId() != null) {
            filter = groups.members(selection.groupId(), filter);
        }
        List<UUID> ids = queries.matchingIds(filter, MAX + 1);
        if (ids.size() > MAX) {
            throw new IllegalArgumentException(tooMany(queries.counts(filter).all()));
        }
        return ids;
    }

    private static String tooMany(long count) {
        return "the selection holds " + count + " incidents; one selection takes at most " + MAX
                + ": narrow the filter (a tab, a channel, a reason) or split it";
    }
}
