package com.disputehub.channel.contract;

/**
 * A dispute as the kit scripts it: an id of the channel's own, and what kind of record the fake sends for it.
 * An adapter's test renders each kind in its wire format, from fixtures shaped like the channel's documentation.
 */
public record KitRecord(String id, Kind kind) {

    /** A complete record; one the channel sends with a value the adapter does not know; one that cannot be read. */
    public enum Kind { NORMAL, UNKNOWN_VALUES, MALFORMED }

    public static KitRecord normal(String id) {
        return new KitRecord(id, Kind.NORMAL);
    }

    public static KitRecord unknownValues(String id) {
        return new KitRecord(id, Kind.UNKNOWN_VALUES);
    }

    public static KitRecord malformed(String id) {
        return new KitRecord(id, Kind.MALFORMED);
    }
}
