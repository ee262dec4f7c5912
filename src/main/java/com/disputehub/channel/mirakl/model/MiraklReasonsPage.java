package com.disputehub.channel.mirakl.model;

import java.util.List;

/** The answer of RE01. */
public record MiraklReasonsPage(List<MiraklReason> reasons) {

    public MiraklReasonsPage {
        reasons = reasons == null ? List.of() : reasons;
    }
}
