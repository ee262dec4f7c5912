package com.disputehub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.disputehub.support.Api;
import com.disputehub.support.IntegrationTest;

/** M5: an account whose operator asks not to be copied makes the page ask before a message to buyer and operator. */
class CopyOperatorWarningTest extends IntegrationTest {

    long decisions(UUID incident) {
        return jdbc.sql("select count(*) from decision where incident_id = ?").param(incident).query(Long.class).single();
    }

    @Test
    @DisplayName("M5: a message to the buyer copying the operator waits for a confirmation on an account with the house rule; a message to the buyer alone does not")
    void asksBeforeCopyingTheOperator() {
        UUID incident = syncFixtureOrders("cb-mirakl", "/cb");
        Api person = new Api(port).signInAsAdmin();
        Map<String, String> both = new LinkedHashMap<>(Map.of("type", "SEND_MESSAGE", "formKey", UUID.randomUUID().toString(),
                "f.to", "BUYER_AND_OPERATOR", "f.body", "Le enviamos otra unidad hoy."));
        String asked = person.formPage("/inbox/incidents/" + incident + "/decisions?lang=en", both);
        assertThat(asked).contains("id=\"confirm-question\"", "copy the operator of cb-mirakl");
        assertThat(decisions(incident)).as("nothing before the confirmation").isZero();

        both.put("confirmed", "yes");
        assertThat(person.form("/inbox/incidents/" + incident + "/decisions", both).status()).isEqualTo(302);
        assertThat(decisions(incident)).isEqualTo(1);

        Map<String, String> buyer = Map.of("type", "SEND_MESSAGE", "formKey", UUID.randomUUID().toString(),
                "f.to", "BUYER", "f.body", "Le enviamos otra unidad hoy.");
        assertThat(person.form("/inbox/incidents/" + incident + "/decisions", buyer).status()).as("the buyer alone: no question")
                .isEqualTo(302);
        assertThat(decisions(incident)).isEqualTo(2);
    }
}
