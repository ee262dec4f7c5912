package com.disputehub.grouping;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.disputehub.channel.runtime.KnownFilters;
import com.disputehub.database.Sql;
import com.disputehub.incident.FilterForm;
import com.disputehub.incident.IncidentFilter;
import com.disputehub.incident.IncidentQueries;

import tools.jackson.databind.ObjectMapper;

/**
 * Manual and rule groups. A rule group stores its filter, not its members: its members are whatever the filter
 * matches now, so they follow every sync without any bookkeeping.
 */
@Service
public class Groups {

    static final int MAX_NAME = 80;

    private static final Logger log = LoggerFactory.getLogger(Groups.class);

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final IncidentQueries queries;
    private final Clock clock;
    private final KnownFilters knownFilters;

    Groups(JdbcClient jdbc, ObjectMapper json, IncidentQueries queries, Clock clock, KnownFilters knownFilters) {
        this.knownFilters = knownFilters;
        this.jdbc = jdbc;
        this.json = json;
        this.queries = queries;
        this.clock = clock;
    }

    /** A new group; with a rule, a rule group. The name must be unique (without case). */
    @Transactional
    public Group create(String name, FilterForm rule) {
        String checked = checkName(name);
        FilterForm checkedRule = rule == null ? null : checkRule(rule);
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("insert into incident_group (id, name, rule, created_at, updated_at) values (?, ?, ?::jsonb, ?, ?)")
                    .params(id, checked, checkedRule == null ? null : json.writeValueAsString(checkedRule), Sql.ts(now), Sql.ts(now))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("a group named '" + checked + "' already exists");
        }
        return find(id);
    }

    @Transactional
    public Group rename(UUID id, String name) {
        find(id);
        String checked = checkName(name);
        try {
            jdbc.sql("update incident_group set name = ?, updated_at = ? where id = ?")
                    .params(checked, Sql.ts(clock.instant()), id).update();
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("a group named '" + checked + "' already exists");
        }
        return find(id);
    }

    /** Changes a rule group's filter; its members follow at once. */
    @Transactional
    public Group changeRule(UUID id, FilterForm rule) {
        if (!find(id).isRule()) {
            throw new IllegalArgumentException("group " + id + " is a manual group; it has no rule");
        }
        jdbc.sql("update incident_group set rule = ?::jsonb, updated_at = ? where id = ?")
                .params(json.writeValueAsString(checkRule(rule)), Sql.ts(clock.instant()), id).update();
        return find(id);
    }

    /** Deletes the group, never its incidents. */
    public void delete(UUID id) {
        if (jdbc.sql("delete from incident_group where id = ?").param(id).update() == 0) {
            throw new NotFoundException("no group " + id);
        }
    }

    public Group find(UUID id) {
        return jdbc.sql("select * from incident_group where id = ?").param(id).query(this::row).optional()
                .orElseThrow(() -> new NotFoundException("no group " + id));
    }

    public List<Group> all() {
        return jdbc.sql("select * from incident_group order by lower(name)").query(this::row).list();
    }

    /** Adds incidents to a manual group; those already in it stay once. Answers how many were new. */
    @Transactional
    public int add(UUID groupId, Collection<UUID> incidentIds) {
        manual(groupId);
        int added = 0;
        for (UUID incident : incidentIds) {
            added += jdbc.sql("""
                    insert into incident_group_member (group_id, incident_id, added_at)
                    select ?, id, ? from incident where id = ? on conflict do nothing
                    """).params(groupId, Sql.ts(clock.instant()), incident).update();
        }
        return added;
    }

    @Transactional
    public int remove(UUID groupId, Collection<UUID> incidentIds) {
        manual(groupId);
        int removed = 0;
        for (UUID incident : incidentIds) {
            removed += jdbc.sql("delete from incident_group_member where group_id = ? and incident_id = ?")
                    .params(groupId, incident).update();
        }
        return removed;
    }

    /** The filter that lists a group's members, narrowed by {@code filter}. */
    public IncidentFilter members(UUID groupId, IncidentFilter filter) {
        Group group = find(groupId);
        return group.isRule() ? filter.within(group.rule().toFilter()) : filter.memberOf(groupId);
    }

    /** How many incidents it holds; 0 for a stored rule that no longer runs (logged), which never breaks a page. */
    public long size(Group group) {
        try {
            return queries.counts(members(group.id(), IncidentFilter.all())).all();
        } catch (RuntimeException e) {
            log.warn("rule group '{}' cannot run its filter ({}); it shows no member", group.name(), e.getMessage());
            return 0;
        }
    }

    /** The groups an incident is in now: the manual ones that list it and the rule groups whose filter it matches. */
    public List<Group> of(UUID incidentId) {
        return all().stream().filter(g -> g.isRule() ? matches(g, incidentId)
                : jdbc.sql("select count(*) from incident_group_member where group_id = ? and incident_id = ?")
                        .params(g.id(), incidentId).query(Long.class).single() > 0).toList();
    }

    private boolean matches(Group rule, UUID incidentId) {
        try {
            return queries.matches(rule.rule().toFilter(), incidentId);
        } catch (RuntimeException e) {
            log.warn("rule group '{}' cannot run its filter ({}); it shows no member", rule.name(), e.getMessage());
            return false;
        }
    }

    private void manual(UUID groupId) {
        if (find(groupId).isRule()) {
            throw new IllegalArgumentException("group " + groupId + " is a rule group: its members are what its rule "
                    + "matches, so incidents cannot be added or removed by hand");
        }
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a group needs a name");
        }
        String trimmed = name.trim();
        if (trimmed.length() > MAX_NAME) {
            throw new IllegalArgumentException("a group name has at most " + MAX_NAME + " characters, not " + trimmed.length());
        }
        return trimmed;
    }

    /** A rule is saved only once it has run: a filter that cannot run is a 400 now, never a broken page later. */
    private FilterForm checkRule(FilterForm rule) {
        if (rule.isEmpty()) {
            throw new IllegalArgumentException("a rule group needs at least one condition (reason, SKU, channel, ...)");
        }
        IncidentFilter filter = knownFilters.check(rule);
        try {
            queries.matchingIds(filter, 1);
        } catch (org.springframework.dao.DataAccessException e) {
            throw new IllegalArgumentException("this rule cannot run: " + e.getMostSpecificCause().getMessage().lines().findFirst().orElse(""));
        }
        return rule;
    }

    private Group row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String rule = rs.getString("rule");
        return new Group(rs.getObject("id", UUID.class), rs.getString("name"),
                rule == null ? null : json.readValue(rule, FilterForm.class),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
