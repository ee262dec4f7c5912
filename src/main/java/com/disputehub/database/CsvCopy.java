package com.disputehub.database;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many rows into one table with {@code COPY ... FROM STDIN (FORMAT csv)} on the transaction's connection: the way
 * PostgreSQL takes rows at the least cost, without a plan or a parameter per value (issue 17). Rows are sent in
 * chunks while the next ones are written, so that PostgreSQL stores while Java encodes. Triggers, defaults, generated
 * columns and constraints apply as for an {@code INSERT}.
 */
public final class CsvCopy {

    private static final int CHUNK = 64 * 1024;

    private CsvCopy() {
    }

    /** One row's values, written in the order of the columns. */
    public static final class Row {
        private final StringBuilder out;
        private boolean first = true;

        private Row(StringBuilder out) {
            this.out = out;
        }

        /**
         * A value: null as SQL NULL, text quoted (so an empty text stays empty, not NULL), a collection of texts as
         * an array literal, an Instant or OffsetDateTime in ISO 8601, anything else by its {@code toString}.
         */
        public Row add(Object value) {
            if (!first) {
                out.append(',');
            }
            first = false;
            if (value == null) {
                return this;
            }
            if (value instanceof Collection<?> items) {
                quoted(arrayLiteral(items));
            } else if (value instanceof java.math.BigDecimal number) {
                out.append(number.toPlainString());
            } else if (value instanceof CharSequence || value instanceof Instant || value instanceof OffsetDateTime) {
                quoted(value.toString());
            } else {
                out.append(value);
            }
            return this;
        }

        private void quoted(String text) {
            out.append('"');
            int from = 0;
            for (int quote = text.indexOf('"'); quote >= 0; quote = text.indexOf('"', from)) {
                out.append(text, from, quote + 1).append('"');
                from = quote + 1;
            }
            out.append(text, from, text.length()).append('"');
        }

        private static String arrayLiteral(Collection<?> items) {
            StringBuilder literal = new StringBuilder("{");
            for (Object item : items) {
                if (literal.length() > 1) {
                    literal.append(',');
                }
                if (item == null) {
                    literal.append("NULL");
                    continue;
                }
                literal.append('"');
                String text = item.toString();
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == '"' || c == '\\') {
                        literal.append('\\');
                    }
                    literal.append(c);
                }
                literal.append('"');
            }
            return literal.append('}').toString();
        }
    }

    /**
     * Copies one row per item into {@code table}'s {@code columns}, each written by {@code writer}; the number of
     * rows stored. Runs on the connection of the transaction under way.
     */
    public static <T> long copy(JdbcTemplate jdbc, String table, List<String> columns, Collection<T> items,
                                BiConsumer<T, Row> writer) {
        return copy(jdbc, table, columns, items, writer, () -> { });
    }

    /**
     * {@link #copy(JdbcTemplate, String, List, Collection, BiConsumer)}, running {@code meanwhile} once every row is
     * sent and PostgreSQL still stores them: work this thread would otherwise do after waiting for it (issue 17). It
     * must not use the database: the connection is busy with the copy until it ends.
     */
    public static <T> long copy(JdbcTemplate jdbc, String table, List<String> columns, Collection<T> items,
                                BiConsumer<T, Row> writer, Runnable meanwhile) {
        if (items.isEmpty()) {
            meanwhile.run();
            return 0;
        }
        return run(jdbc, sql(table, columns), copy -> {
            StringBuilder out = new StringBuilder(CHUNK + 4096);
            for (T item : items) {
                writer.accept(item, new Row(out));
                out.append('\n');
                if (out.length() >= CHUNK) {
                    send(copy, out);
                }
            }
            send(copy, out);
            copy.flushCopy();
            meanwhile.run();
        });
    }

    /** Rows encoded ahead of their copy, so that the encoding can run while PostgreSQL stores something else. */
    public static <T> Encoded encode(String table, List<String> columns, Collection<T> items, BiConsumer<T, Row> writer) {
        StringBuilder out = new StringBuilder();
        for (T item : items) {
            writer.accept(item, new Row(out));
            out.append('\n');
        }
        return new Encoded(sql(table, columns), out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Copies rows {@link #encode encoded} before; the number of rows stored. */
    public static long copy(JdbcTemplate jdbc, Encoded rows) {
        if (rows.csv().length == 0) {
            return 0;
        }
        return run(jdbc, rows.sql(), copy -> copy.writeToCopy(rows.csv(), 0, rows.csv().length));
    }

    /** What a copy sends, between its start and its end. */
    private interface Body {
        void send(CopyIn copy) throws SQLException;
    }

    /** Runs one copy on the transaction's connection, cancelled should the body fail; the number of rows stored. */
    private static long run(JdbcTemplate jdbc, String sql, Body body) {
        Long copied = jdbc.execute((ConnectionCallback<Long>) connection -> {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try {
                body.send(copy);
                return copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        });
        return copied == null ? 0 : copied;
    }

    /** Encoded rows and the statement that copies them. */
    public record Encoded(String sql, byte[] csv) {
    }

    private static String sql(String table, List<String> columns) {
        return "copy " + table + " (" + String.join(", ", columns) + ") from stdin (format csv)";
    }

    private static void send(CopyIn copy, StringBuilder out) throws SQLException {
        if (out.length() > 0) {
            byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            out.setLength(0);
        }
    }
}
