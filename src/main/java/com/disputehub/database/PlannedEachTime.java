package com.disputehub.database;

import java.sql.PreparedStatement;

import org.postgresql.PGStatement;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.PreparedStatementCreator;

/**
 * Statements planned for their values each time they run (issue 17). PostgreSQL's driver prepares a statement on the
 * server after its fifth run, and the server may then keep one generic plan for it: a generic plan made while a table
 * was nearly empty (a sequential scan) stays cached on the connection as the table grows, until autovacuum next
 * analyzes the table. An initial sync fills the incident table from empty, and its page lookups then read every
 * stored incident (100,000 disputes in 83 s instead of 16). Planning such a lookup costs about a millisecond.
 */
public final class PlannedEachTime {

    private PlannedEachTime() {
    }

    /** The statement with these parameters, never prepared on the server. */
    public static PreparedStatementCreator statement(String sql, Object... params) {
        return connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            new ArgumentPreparedStatementSetter(params).setValues(statement);
            return statement;
        };
    }
}
