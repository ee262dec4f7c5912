package com.disputehub.channel;

import java.util.List;

/** A page of raw records, the cursor to store once they are stored, and whether another page follows. */
public record FetchResult(List<RawRecord> records, String nextCursor, boolean more) {

    public FetchResult {
        records = List.copyOf(records);
    }
}
