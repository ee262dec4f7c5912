package com.disputehub.database;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Numbers the committed rows of a feed table in commit order: rows get their {@code seq} only once committed, from
 * one sequencer at a time (an advisory lock, across instances), above every number given before. A transaction that
 * took a lower id and committed late is therefore never skipped by a reader that has passed it.
 */
public final class CommitOrder {

    private CommitOrder() {
    }

    /**
     * Gives every committed, unnumbered row of {@code table} (ordered by {@code idColumn}) its number. The table
     * and column names are the caller's constants, never input.
     */
    public static void number(JdbcClient jdbc, TransactionTemplate tx, String table, String idColumn, long lock) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(lock).query((rs, n) -> true).list();
            jdbc.sql("""
                    update %1$s c set seq = n.base + n.rn
                    from (select %2$s, row_number() over (order by %2$s) as rn,
                                 (select coalesce(max(seq), 0) from %1$s) as base
                          from %1$s where seq is null) n
                    where c.%2$s = n.%2$s
                    """.formatted(table, idColumn)).update();
        });
    }
}
