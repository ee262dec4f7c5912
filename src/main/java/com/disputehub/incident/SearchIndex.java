package com.disputehub.incident;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.disputehub.database.CsvCopy;
import com.disputehub.database.Sql;

/**
 * The free text index of incidents, beside the incident table (V31): an incident whose text is new or changed is
 * queued in the writer's transaction (its indexed text emptied), and {@link #indexBatch} fills the text into the
 * trigram index later, off the sync's path. The search ({@link #CONDITION}) checks each incident's own text, among
 * those the index matches and those queued: it finds every incident as it is now, whether indexed yet or not.
 */
@Component
public class SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    /**
     * The incidents whose text contains the pattern (the first parameter): the row's own text decides; the index,
     * searched for the {@link #narrowing} part of it (the second), and the queue narrow the rows to check, or the
     * list's order is walked and each row's entry looked up, whichever PostgreSQL finds cheaper.
     */
    static final String CONDITION = """
            search_text like ? and id in (select s.incident_id from incident_search s
                                          where s.search_text like ? or s.search_text is null)""";

    /**
     * The part of a searched text the trigram index looks for: of its words of three characters or more, the longest
     * with digits (an order number, a reference), else the longest; the whole text when none has three. Every trigram of a
     * phrase is a posting list the index walks, and the common words' lists hold nearly every incident (50 ms at a
     * million for "caja rota 4242", where "4242" alone takes a few): the row's own text checks the whole phrase.
     */
    static String narrowing(String text) {
        String best = null;
        for (String word : text.trim().split("\\s+")) {
            if (word.length() >= 3 && (best == null || rank(word) > rank(best))) {
                best = word;
            }
        }
        return best == null ? text : best;
    }

    /** Words with digits before words without, then the longer. */
    private static int rank(String word) {
        return (word.chars().anyMatch(Character::isDigit) ? 1_000 : 0) + Math.min(word.length(), 999);
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    /** When this JVM last queued incidents (System.nanoTime), so that the indexer can give way to syncs storing. */
    private final AtomicLong lastQueued = new AtomicLong(System.nanoTime() - Long.MAX_VALUE / 2);

    SearchIndex(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /**
     * Queues these incidents, created or changed in the caller's transaction, whose text is not the one indexed. The
     * entry of a changed incident stays locked until the caller commits: the indexer skips it until then, and an
     * indexer that took it first makes the caller wait and queue it again.
     */
    void queue(Collection<UUID> incidentIds) {
        if (incidentIds.isEmpty()) {
            return;
        }
        lastQueued.set(System.nanoTime());
        jdbc.sql("""
                insert into incident_search (incident_id) select id from unnest(?) as id order by id
                on conflict (incident_id) do update set search_text = null
                where incident_search.search_text is distinct from
                      (select i.search_text from incident i where i.id = excluded.incident_id)
                """).param(Sql.uuidArray(incidentIds)).update();
    }

    /**
     * {@link #queue} for new incidents, encoded for one copy ({@link CsvCopy#copy(JdbcTemplate, CsvCopy.Encoded)}) in
     * their transaction: a new incident has no entry yet, so nothing is compared.
     */
    CsvCopy.Encoded encodeNew(List<UUID> incidentIds) {
        lastQueued.set(System.nanoTime());
        return CsvCopy.encode("incident_search", List.of("incident_id"), incidentIds, (id, row) -> row.add(id));
    }

    /**
     * Indexes up to {@code limit} queued incidents in one transaction; how many it took. They are taken in a first
     * statement, which skips those a writer holds; their text is read in a second one, whose snapshot holds every
     * writer that queued them before. An entry without its incident gets an empty text, so it leaves the queue.
     */
    public int indexBatch(int limit) {
        Integer taken = tx.execute(status -> {
            List<UUID> ids = jdbc.sql("""
                    select incident_id from incident_search where search_text is null limit ? for update skip locked
                    """).param(limit).query(UUID.class).list();
            if (!ids.isEmpty()) {
                jdbc.sql("""
                        update incident_search s
                        set search_text = coalesce((select i.search_text from incident i where i.id = s.incident_id), '')
                        where s.incident_id = any(?)
                        """).param(Sql.uuidArray(ids)).update();
            }
            return ids.size();
        });
        return taken == null ? 0 : taken;
    }

    /**
     * Moves the trigram index's own pending entries into its tree once the queue is empty, so that searches do not
     * read them one by one (PostgreSQL's fast update keeps up to 4 MB of them).
     */
    void settle() {
        try {
            jdbc.sql("select gin_clean_pending_list('incident_search_trgm_idx'::regclass)").query(Long.class).single();
        } catch (DataAccessException e) {
            log.debug("the trigram index's pending entries stay for autovacuum: {}", e.getMessage());
        }
    }

    /** How long ago this JVM last queued incidents. */
    Duration sinceQueued() {
        return Duration.ofNanos(System.nanoTime() - lastQueued.get());
    }

    /** How many incidents wait to be indexed, counted up to {@code limit} at most. */
    long pendingUpTo(long limit) {
        return jdbc.sql("select count(*) from (select 1 from incident_search where search_text is null limit ?) waiting")
                .param(limit).query(Long.class).single();
    }

    /** How many incidents wait to be indexed (the search finds them all the same). */
    public long pending() {
        return jdbc.sql("select count(*) from incident_search where search_text is null").query(Long.class).single();
    }
}
