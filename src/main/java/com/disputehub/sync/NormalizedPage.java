package com.disputehub.sync;

import java.util.ArrayList;
import java.util.List;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ChannelAdapter;
import com.disputehub.channel.FetchResult;
import com.disputehub.channel.RawRecord;
import com.disputehub.incident.IncidentSnapshot;

/**
 * A page as the channel answered it, each record normalized by its adapter or with the reason it could not be: the
 * reader normalizes a page while the sync stores the ones before it (issue 17, goal 2); the sync quarantines the
 * records that failed and stores the rest.
 */
record NormalizedPage(FetchResult fetched, List<Entry> entries) implements PageStream.Page {

    /** One record and its snapshots, or the failure that keeps it out (then no snapshots). */
    record Entry(RawRecord record, List<IncidentSnapshot> snapshots, RuntimeException failure) {
    }

    static NormalizedPage of(ChannelAdapter adapter, ChannelAccount account, FetchResult fetched) {
        return new NormalizedPage(fetched, normalize(adapter, account, fetched.records()));
    }

    static List<Entry> normalize(ChannelAdapter adapter, ChannelAccount account, List<RawRecord> records) {
        List<Entry> entries = new ArrayList<>(records.size());
        for (RawRecord record : records) {
            try {
                entries.add(new Entry(record, adapter.normalize(account, record), null));
            } catch (RuntimeException e) {
                entries.add(new Entry(record, List.of(), e));
            }
        }
        return entries;
    }

    @Override
    public int size() {
        return fetched.records().size();
    }

    @Override
    public boolean more() {
        return fetched.more();
    }

    @Override
    public String nextCursor() {
        return fetched.nextCursor();
    }
}
