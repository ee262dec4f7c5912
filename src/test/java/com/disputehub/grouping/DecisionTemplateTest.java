package com.disputehub.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.disputehub.channel.command.SendMessage;
import com.disputehub.incident.ActionOwner;
import com.disputehub.incident.ChannelDetails;
import com.disputehub.incident.Incident;
import com.disputehub.incident.IncidentKind;
import com.disputehub.incident.IncidentStatus;
import com.disputehub.incident.Money;
import com.disputehub.incident.Reason;
import com.disputehub.incident.ReasonCategory;

import tools.jackson.databind.json.JsonMapper;

/** X3: one bulk template, each incident's own values, in its buyer's language. */
class DecisionTemplateTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static Incident incident(String buyer, Money refund) {
        return new Incident(UUID.randomUUID(), "mirakl", "shop", IncidentKind.MARKETPLACE_DISPUTE, "ORD-9-A-1", "ORD-9-A",
                List.of(), List.of("LAMP-1"), "Lámpara", null, buyer, new Reason(ReasonCategory.DAMAGED, "2", "Dañado"),
                IncidentStatus.NEEDS_SELLER_ACTION, IncidentStatus.NEEDS_SELLER_ACTION, "INCIDENT_OPEN", ActionOwner.SELLER,
                refund, Money.of("34.9000", "EUR"), null, Instant.now(), Instant.now(), List.of(), List.of(), List.of(),
                ChannelDetails.NONE, "{}", "1", Instant.now(), Instant.now());
    }

    static DecisionTemplate template(Map<String, Map<String, String>> translations) {
        return new DecisionTemplate(JSON.readTree("""
                {"type": "SEND_MESSAGE", "to": "BUYER", "body": "Hello {buyerName}: {orderId}, {amount}, {productTitle}"}"""),
                translations);
    }

    @Test
    @DisplayName("placeholders take the incident's values; the amount is the requested refund, else the product value")
    void fillsPlaceholders() {
        SendMessage message = (SendMessage) template(Map.of()).render(incident("Ana Ruiz", null), null, JSON);
        assertThat(message.body()).isEqualTo("Hello Ana Ruiz: ORD-9-A, 34.90 EUR, Lámpara");
        SendMessage refund = (SendMessage) template(Map.of()).render(incident("Ana", Money.of("10", "EUR")), "en", JSON);
        assertThat(refund.body()).endsWith("10.00 EUR, Lámpara");
    }

    @Test
    @DisplayName("the buyer's language picks its fields; a language without a translation keeps the template's")
    void perLanguage() {
        DecisionTemplate t = template(Map.of("es", Map.of("body", "Hola {buyerName}"), "pt", Map.of("subject", "Pedido {orderId}")));
        assertThat(((SendMessage) t.render(incident("Ana", null), "ES", JSON)).body()).isEqualTo("Hola Ana");
        SendMessage pt = (SendMessage) t.render(incident("Ana", null), "pt", JSON);
        assertThat(pt.subject()).isEqualTo("Pedido ORD-9-A");
        assertThat(pt.body()).startsWith("Hello Ana");
        assertThat(((SendMessage) t.render(incident("Ana", null), "nl", JSON)).body()).startsWith("Hello Ana");
    }

    @Test
    @DisplayName("an incident without a value for a placeholder, or a translation that breaks a field, is not eligible")
    void unusable() {
        assertThatThrownBy(() -> template(Map.of()).render(incident(" ", null), null, JSON))
                .isInstanceOf(DecisionTemplate.TemplateException.class).hasMessageContaining("{buyerName}");
        assertThatThrownBy(() -> template(Map.of("it", Map.of("to", "EVERYONE"))).render(incident("Ana", null), "it", JSON))
                .isInstanceOf(DecisionTemplate.TemplateException.class).hasMessageContaining("'it'");
    }

    @Test
    @DisplayName("the template is checked once: a type, known placeholders only (the error lists them), a readable decision")
    void checkedOnce() {
        assertThatThrownBy(() -> new DecisionTemplate(JSON.readTree("{\"body\": \"x\"}"), Map.of()).check(JSON))
                .hasMessageContaining("\"type\"");
        assertThatThrownBy(() -> template(Map.of("es", Map.of("body", "Hola {nombre}"))).check(JSON))
                .hasMessageContaining("{nombre}").hasMessageContaining("{buyerName}");
        assertThatThrownBy(() -> new DecisionTemplate(JSON.readTree("{\"type\": \"TELEPORT\"}"), Map.of()).check(JSON))
                .hasMessageContaining("cannot be read");
    }
}
