package com.disputehub.incident;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.disputehub.database.Sql;

/** The references an ERP attaches to an incident (its case number, its credit note): one value per name. */
@Repository
public class ExternalRefs {

    private final JdbcClient jdbc;
    private final Clock clock;

    ExternalRefs(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Map<String, String> of(UUID incidentId) {
        return of(List.of(incidentId)).getOrDefault(incidentId, new LinkedHashMap<>());
    }

    /** The references of each of these incidents that has any, by name, in one query. */
    Map<UUID, Map<String, String>> of(Collection<UUID> incidentIds) {
        Map<UUID, Map<String, String>> refs = new HashMap<>();
        jdbc.sql("select incident_id, name, value from incident_external_ref where incident_id = any(?) order by name")
                .param(incidentIds.toArray(UUID[]::new))
                .query(rs -> {
                    refs.computeIfAbsent(rs.getObject("incident_id", UUID.class), id -> new LinkedHashMap<>())
                            .put(rs.getString("name"), rs.getString("value"));
                });
        return refs;
    }

    /** Replaces the whole set in the caller's transaction; answers whether anything differs from before. */
    boolean replace(UUID incidentId, Map<String, String> refs, String actor) {
        if (of(incidentId).equals(refs)) {
            return false;
        }
        jdbc.sql("delete from incident_external_ref where incident_id = ?").param(incidentId).update();
        refs.forEach((name, value) -> jdbc.sql("""
                insert into incident_external_ref (incident_id, name, value, set_by, set_at) values (?, ?, ?, ?, ?)
                """).params(incidentId, name, value, actor, Sql.ts(clock.instant())).update());
        return true;
    }
}
