package com.disputehub.channel;

import java.util.List;

/**
 * A page of raw records, the cursor to store once they are stored, whether another page follows, and the
 * external ids the channel showed as unchanged (listed, but not read again), so that sync does not re-read
 * them as if the page had not mentioned them.
 */
public record FetchResult(List<RawRecord> records, String nextCursor, boolean more, List<String> unchanged) {

    public FetchResult {
        records = List.copyOf(records);
        unchanged = unchanged == null ? List.of() : List.copyOf(unchanged);
    }

    public FetchResult(List<RawRecord> records, String nextCursor, boolean more) {
        this(records, nextCursor, more, List.of());
    }
}
