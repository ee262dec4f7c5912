package com.disputehub.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IncidentNamesTest {

    @Test
    @DisplayName("X9: a row names an incident as its back office does: Orderchamp's problem by its number, Tipsa's by waybill and number, others as they are")
    void references() {
        assertThat(IncidentNames.reference("gid://orderchamp/OrderProblem/709", null)).isEqualTo("#709");
        assertThat(IncidentNames.reference("000001/000002/0000123456789/3", "0000123456789")).isEqualTo("0000123456789 #3");
        assertThat(IncidentNames.reference("000001/000002/0000123456789/3", null)).as("without its waybill, the whole key")
                .isEqualTo("000001/000002/0000123456789/3");
        assertThat(IncidentNames.reference("LMP-001-A-1", null)).isEqualTo("LMP-001-A-1");
        assertThat(IncidentNames.reference("gid://orderchamp/OrderProblem/", null)).as("no number: the key")
                .isEqualTo("gid://orderchamp/OrderProblem/");
        assertThat(IncidentNames.reference(null, null)).isEmpty();
    }
}
