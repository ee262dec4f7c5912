package com.disputehub.incident;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.disputehub.database.Sql;

/**
 * The free text index of incidents, beside the incident table (V31): an incident whose text is new or changed is
 * queued in the writer's transaction, and {@link #indexBatch} moves queued text into the trigram index later, off the
 * sync's path. The search ({@link #CONDITION}) reads a queued incident's text from its row, so it finds every
 * incident as it is now, whether indexed yet or not.
 */
@Component
public class SearchIndex {

    /**
     * The incidents whose text contains the pattern: those indexed and not queued again through the index, those
     * queued through their row.
     */
    static final String CONDITION = """
            id in (select s.incident_id from incident_search s where s.search_text like ?
                     and not exists (select 1 from incident_search_pending q where q.incident_id = s.incident_id)
                   union all
                   select q.incident_id from incident_search_pending q join incident t on t.id = q.incident_id
                   where t.search_text like ?)""";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    SearchIndex(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Queues these incidents for indexing, in the caller's transaction. An incident already queued is queued again,
     * which locks its queue row until the caller commits: the indexer skips it until then, and never reads text older
     * than the caller's and then drops it from the queue.
     */
    void queue(Collection<UUID> incidentIds) {
        if (incidentIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into incident_search_pending (incident_id, queued_at)
                select id, ? from unnest(?) as id order by id
                on conflict (incident_id) do update set queued_at = excluded.queued_at
                """).params(Sql.ts(clock.instant()), Sql.uuidArray(incidentIds)).update();
    }

    /**
     * Indexes up to {@code limit} queued incidents in one transaction; how many it took from the queue. They leave the
     * queue in a first statement, which waits for no writer (rows a writer is queueing are skipped); their text is
     * read in a second one, whose snapshot holds every writer that queued them before.
     */
    public int indexBatch(int limit) {
        Integer taken = tx.execute(status -> {
            List<UUID> ids = jdbc.sql("""
                    delete from incident_search_pending where incident_id in (
                      select incident_id from incident_search_pending limit ? for update skip locked)
                    returning incident_id
                    """).param(limit).query(UUID.class).list();
            if (!ids.isEmpty()) {
                jdbc.sql("""
                        insert into incident_search (incident_id, search_text)
                        select id, search_text from incident where id = any(?) order by id
                        on conflict (incident_id) do update set search_text = excluded.search_text
                          where incident_search.search_text is distinct from excluded.search_text
                        """).param(Sql.uuidArray(ids)).update();
            }
            return ids.size();
        });
        return taken == null ? 0 : taken;
    }

    /** How many incidents wait to be indexed (the search finds them all the same). */
    public long pending() {
        return jdbc.sql("select count(*) from incident_search_pending").query(Long.class).single();
    }
}
