package com.disputehub.channel.mirakl.model;

import java.util.List;

/** One page of M11, with its seek token. */
public record MiraklThreadsPage(List<MiraklThread> data, String nextPageToken) {

    public MiraklThreadsPage {
        data = data == null ? List.of() : data;
    }
}
