package com.disputehub.channel.aliexpress;

import com.disputehub.channel.shared.aliexpress.AliExpressJson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a scan of open disputes stands: the next page, the {@code gmt_modified} of every dispute already read
 * (so that an unchanged one is not read again), and the disputes listed so far in this scan (to forget the
 * ones that left the list).
 */
record AliExpressCursor(int page, Map<String, String> seen, List<String> listed) {

    AliExpressCursor {
        seen = seen == null ? new HashMap<>() : new HashMap<>(seen);
        listed = listed == null ? new ArrayList<>() : new ArrayList<>(listed);
    }

    static AliExpressCursor parse(String text) {
        return text == null || text.isBlank() ? new AliExpressCursor(1, null, null)
                : AliExpressJson.MAPPER.readValue(text, AliExpressCursor.class);
    }

    String text() {
        return AliExpressJson.MAPPER.writeValueAsString(this);
    }

    /** The cursor of the next scan: page 1, remembering only the disputes this scan still listed. */
    AliExpressCursor nextScan() {
        Map<String, String> kept = new HashMap<>(seen);
        kept.keySet().retainAll(listed);
        return new AliExpressCursor(1, kept, List.of());
    }
}
