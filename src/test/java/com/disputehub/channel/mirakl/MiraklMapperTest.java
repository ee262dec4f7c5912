package com.disputehub.channel.mirakl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.NormalizationException;
import com.disputehub.channel.RawRecord;
import com.disputehub.incident.ActionOwner;
import com.disputehub.incident.IncidentSnapshot;
import com.disputehub.incident.IncidentStatus;
import com.disputehub.incident.PartyRole;
import com.disputehub.incident.ReasonCategory;

/** Normalization of Mirakl orders, without any server. */
class MiraklMapperTest {

    ChannelAccount account = new ChannelAccount("a", "mirakl", URI.create("http://x"), Duration.ofMinutes(5), false,
            Map.of("api-key", "k"), Map.of("reason-map.42", "customs_hold"));

    List<IncidentSnapshot> normalize(String order, String threads) {
        return MiraklMapper.normalize(account, RawRecord.json("order t", "{\"order\":" + order + ",\"threads\":" + threads + "}"),
                (acc, code) -> "label of " + code);
    }

    static String line(String state, String extra) {
        return "{\"order_line_id\":\"L-1\",\"order_line_state\":\"" + state + "\",\"price\":10.00,\"quantity\":1" + extra + "}";
    }

    static String order(String... lines) {
        return "{\"order_id\":\"O-1\",\"currency_iso_code\":\"EUR\",\"last_updated_date\":\"2026-11-02T10:00:00Z\","
                + "\"order_lines\":[" + String.join(",", lines) + "]}";
    }

    @Test
    @DisplayName("X2: a line state Mirakl added later is kept raw and shown to the seller for review, never a crash")
    void unknownLineState() {
        IncidentSnapshot s = normalize(order(line("SOME_NEW_STATE", "")), "[]").get(0);

        assertThat(s.rawStatus()).isEqualTo("SOME_NEW_STATE");
        assertThat(s.status()).isEqualTo(IncidentStatus.NEEDS_SELLER_ACTION);
        assertThat(s.followUp()).as("not an open incident: only updates one already known").isTrue();
    }

    @Test
    @DisplayName("X2: an unknown reason code is OTHER with its raw code and the label RE01 gives")
    void unknownReason() {
        IncidentSnapshot s = normalize(order(line("INCIDENT_OPEN", ",\"order_line_state_reason_code\":\"77\"")), "[]").get(0);

        assertThat(s.reason().category()).isEqualTo(ReasonCategory.OTHER);
        assertThat(s.reason().rawCode()).isEqualTo("77");
        assertThat(s.reason().rawLabel()).isEqualTo("label of 77");
    }

    @Test
    @DisplayName("X2: an account can pin an operator's reason code to a category")
    void pinnedReason() {
        IncidentSnapshot s = normalize(order(line("INCIDENT_OPEN",
                ",\"order_line_state_reason_code\":\"42\",\"order_line_state_reason_label\":\"Retenido\"")), "[]").get(0);

        assertThat(s.reason().category()).isEqualTo(ReasonCategory.CUSTOMS_HOLD);
    }

    @Test
    @DisplayName("M4, M6: refunded, closed and cancelled lines end the incident; waiting refunds wait for the platform")
    void endStates() {
        assertThat(normalize(order(line("REFUNDED", "")), "[]").get(0).status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(normalize(order(line("CLOSED", "")), "[]").get(0).actionOwner()).isEqualTo(ActionOwner.NOBODY);
        assertThat(normalize(order(line("CANCELED", "")), "[]").get(0).status()).isEqualTo(IncidentStatus.CANCELLED);
        assertThat(normalize(order(line("WAITING_REFUND", "")), "[]").get(0).status()).isEqualTo(IncidentStatus.WAITING_FOR_PLATFORM);
    }

    @Test
    @DisplayName("M5: authors and recipients keep their roles; a shop message only to the operator waits for the platform")
    void messageRoles() {
        String threads = """
                [{"id":"t","topic":{"type":"FREE_TEXT","value":"Asunto"},"messages":[
                  {"id":"1","body":"hola","date_created":"2026-11-02T10:00:00Z","from":{"type":"CUSTOMER_USER","display_name":"Ana"},"to":[{"type":"SHOP"}]},
                  {"id":"2","body":"consulta","date_created":"2026-11-02T11:00:00Z","from":{"type":"SHOP_USER"},"to":[{"type":"OPERATOR"}]}]}]""";

        IncidentSnapshot s = normalize(order(line("INCIDENT_OPEN", "")), threads).get(0);

        assertThat(s.messages()).extracting(m -> m.author()).containsExactly(PartyRole.BUYER, PartyRole.SELLER);
        assertThat(s.messages().get(0).authorName()).isEqualTo("Ana");
        assertThat(s.messages().get(0).subject()).isEqualTo("Asunto");
        assertThat(s.messages().get(1).recipients()).containsExactly(PartyRole.OPERATOR);
        assertThat(s.status()).isEqualTo(IncidentStatus.WAITING_FOR_PLATFORM);
        assertThat(s.respondBy()).isNull();
    }

    @Test
    @DisplayName("X2: an order without id or a line without id is a bad record, said in one sentence")
    void badRecords() {
        assertThatThrownBy(() -> normalize("{\"order_lines\":[]}", "[]")).isInstanceOf(NormalizationException.class)
                .hasMessageContaining("no order_id");
        assertThatThrownBy(() -> normalize("{\"order_id\":\"O\",\"order_lines\":[{\"price\":1}]}", "[]"))
                .isInstanceOf(NormalizationException.class).hasMessageContaining("no order_line_id");
        assertThatThrownBy(() -> normalize("{\"order_id\":\"O\",\"last_updated_date\":\"yesterday\"}", "[]"))
                .isInstanceOf(NormalizationException.class).hasMessageContaining("last_updated_date");
    }
}
