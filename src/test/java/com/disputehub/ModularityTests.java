package com.disputehub;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The rules of the house, checked: modules talk through their public API, without cycles. */
class ModularityTests {

    @Test
    @DisplayName("X5: packages keep the architecture's boundaries (incident knows no channel; adapters stay inside channel)")
    void verify() {
        ApplicationModules.of(DisputeHubApplication.class).verify();
    }
}
