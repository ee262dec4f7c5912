package com.disputehub.grouping;

import java.util.List;
import java.util.UUID;

import com.disputehub.incident.FilterForm;

/**
 * Which incidents a bulk decision covers: ticked ones ({@code incidentIds}), every incident matching a filter,
 * or a group's members (narrowed by the filter when both are given).
 */
public record Selection(List<UUID> incidentIds, FilterForm filter, UUID groupId) {

    public Selection {
        incidentIds = incidentIds == null ? List.of() : List.copyOf(incidentIds);
    }

    public static Selection ofIds(List<UUID> ids) {
        return new Selection(ids, null, null);
    }

    /** Everything {@code filter} matches, within the group when {@code groupId} is not null. */
    public static Selection ofGroup(UUID groupId, FilterForm filter) {
        return new Selection(List.of(), filter, groupId);
    }

    void check() {
        boolean byIds = !incidentIds.isEmpty();
        if (byIds && (filter != null || groupId != null)) {
            throw new IllegalArgumentException("a selection is either 'incidentIds' or a 'filter' and/or 'groupId', not both");
        }
        if (!byIds && filter == null && groupId == null) {
            throw new IllegalArgumentException("nothing selected: give 'incidentIds', a 'filter' or a 'groupId'");
        }
    }

    /** One line for the bulk decision's record and page. */
    String describe(Groups groups) {
        if (!incidentIds.isEmpty()) {
            return incidentIds.size() + " selected incident(s)";
        }
        String where = filter == null || filter.isEmpty() ? "" : "filter " + filter.fields();
        if (groupId == null) {
            return where.isEmpty() ? "every incident" : where;
        }
        return "group '" + groups.find(groupId).name() + "'" + (where.isEmpty() ? "" : ", " + where);
    }
}
