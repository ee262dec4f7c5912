package com.disputehub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.disputehub.channel.command.DecisionCommand;
import com.disputehub.channel.command.Refund;
import com.disputehub.channel.command.SendMessage;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class DecisionFormsTest {

    final ObjectMapper json = JsonMapper.builder().build();
    final DecisionForms forms = new DecisionForms(null, null, json);

    @Test
    @DisplayName("X9: taxes are typed as rows of a code and an amount, never JSON; an empty row is left out")
    void taxesAsRows() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("f.mode", "DETAILED");
        params.put("f.reasonCode", "20");
        params.put("f.amount", "10.00");
        params.put("f.taxes.0.code", "TVA");
        params.put("f.taxes.0.amount", "2.10");
        params.put("f.taxes.1.code", "");
        params.put("f.taxes.1.amount", "");
        params.put("f.shippingAmount", "4.90");
        params.put("f.shippingTaxes.0.code", "TVA");
        params.put("f.shippingTaxes.0.amount", "1.03");
        Refund refund = (Refund) json.treeToValue(forms.decision("REFUND", params, List.of()), DecisionCommand.class);
        assertThat(refund.taxes()).singleElement().satisfies(t -> {
            assertThat(t.code()).isEqualTo("TVA");
            assertThat(t.amount()).isEqualByComparingTo(new BigDecimal("2.10"));
        });
        assertThat(refund.shippingTaxes()).singleElement().satisfies(t -> assertThat(t.amount()).isEqualByComparingTo("1.03"));
        assertThat(refund.amount()).isEqualByComparingTo("10.00");
    }

    @Test
    @DisplayName("X9: a message that starts with a bracket is a message, not JSON")
    void textIsText() {
        SendMessage message = (SendMessage) json.treeToValue(forms.decision("SEND_MESSAGE",
                Map.of("f.to", "BUYER", "f.body", "[Urgente] {su pedido}"), List.of()), DecisionCommand.class);
        assertThat(message.body()).isEqualTo("[Urgente] {su pedido}");
    }
}
