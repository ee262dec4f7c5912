package com.disputehub.channel.mirakl.model;

import java.util.List;

/** What DisputeHub stores as the raw record of a Mirakl order: the OR11 order and its M11 threads. */
public record MiraklRecord(MiraklOrder order, List<MiraklThread> threads) {

    public MiraklRecord {
        threads = threads == null ? List.of() : threads;
    }
}
