package com.disputehub.incident;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;

/**
 * The SHA-256 of an adapter version and a snapshot's every field, raw payload included: what tells an unchanged
 * record of a poll's overlap at once (issue 17). It walks the record's components, nested records, lists and maps (in
 * the order of their keys: equal maps hash alike) and writes each value straight into the digest, tagged by its kind
 * and texts by their length, so that two different snapshots never write the same bytes. A field added to any of
 * these records is covered without a change here. A record's text ({@code toString}), hashed before, formatted every
 * instant and copied every string twice: it was the largest part of storing a page in Java.
 */
final class SnapshotHash {

    private static final ClassValue<Method[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
            }
            return accessors;
        }
    };

    private final MessageDigest digest;
    private final byte[] buffer = new byte[4096];
    private int used;

    /** A hasher for one thread's snapshots, one after the other: its digest and buffer serve each in turn. */
    SnapshotHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The hash of this adapter version and snapshot, in hex. */
    String of(String adapterVersion, IncidentSnapshot snapshot) {
        used = 0;
        digest.reset();
        value(adapterVersion);
        value(snapshot);
        flush();
        return HexFormat.of().formatHex(digest.digest());
    }

    private void value(Object value) {
        if (value == null) {
            tag('0');
        } else if (value instanceof String text) {
            tag('s');
            text(text);
        } else if (value instanceof Instant instant) {
            tag('t');
            number(instant.getEpochSecond());
            number(instant.getNano());
        } else if (value instanceof Enum<?> constant) {
            tag('e');
            text(constant.name());
        } else if (value instanceof Record record) {
            tag('r');
            text(record.getClass().getName());
            for (Method accessor : COMPONENTS.get(record.getClass())) {
                value(read(accessor, record));
            }
        } else if (value instanceof Collection<?> items) {
            tag('l');
            number(items.size());
            items.forEach(this::value);
        } else if (value instanceof Map<?, ?> map) {
            tag('m');
            number(map.size());
            map.entrySet().stream().sorted(Comparator.comparing(entry -> String.valueOf(entry.getKey()))).forEach(entry -> {
                value(entry.getKey());
                value(entry.getValue());
            });
        } else {
            // numbers (an amount's scale included), booleans, ids: their text says them whole
            tag('v');
            text(value.toString());
        }
    }

    private static Object read(Method accessor, Record record) {
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor, e);
        }
    }

    private void tag(char kind) {
        room(1);
        buffer[used++] = (byte) kind;
    }

    private void number(long number) {
        room(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[used++] = (byte) (number >>> shift);
        }
    }

    /**
     * Its UTF-8 bytes, after their number: half the bytes of two per character for the Latin texts of most channels,
     * and the JDK's own encoder, which copies an ASCII text's bytes at once.
     */
    private void text(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        number(bytes.length);
        if (bytes.length > buffer.length - used) {
            flush();
            digest.update(bytes);
            return;
        }
        System.arraycopy(bytes, 0, buffer, used, bytes.length);
        used += bytes.length;
    }

    private void room(int bytes) {
        if (used + bytes > buffer.length) {
            flush();
        }
    }

    private void flush() {
        digest.update(buffer, 0, used);
        used = 0;
    }
}
