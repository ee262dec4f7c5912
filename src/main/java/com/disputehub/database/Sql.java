package com.disputehub.database;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.UUID;

import org.springframework.jdbc.support.SqlArrayValue;

/** Parameter conversions the PostgreSQL driver does not do by itself. */
public final class Sql {

    private Sql() {
    }

    /** A timestamptz parameter; the driver takes OffsetDateTime, not Instant. */
    public static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** A uuid[] parameter. */
    public static SqlArrayValue uuidArray(Collection<UUID> values) {
        return new SqlArrayValue("uuid", values.toArray());
    }

    /** An int4[] parameter. */
    public static SqlArrayValue intArray(Collection<Integer> values) {
        return new SqlArrayValue("int4", values.toArray());
    }

    /** A text[] parameter. */
    public static SqlArrayValue textArray(Collection<String> values) {
        return new SqlArrayValue("text", values.toArray());
    }
}
