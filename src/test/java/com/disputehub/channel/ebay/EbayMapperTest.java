package com.disputehub.channel.ebay;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.RawRecord;
import com.disputehub.incident.ActionOwner;
import com.disputehub.incident.IncidentSnapshot;
import com.disputehub.incident.IncidentStatus;
import com.disputehub.incident.PartyRole;
import com.disputehub.incident.ReasonCategory;

/** eBay's inquiry, return and case shapes (search members and details) to incidents (DOMAIN X8). */
class EbayMapperTest {

    static final ChannelAccount ACCOUNT = new ChannelAccount("ebay-us", "ebay", URI.create("https://api.ebay.com"),
            Duration.ofMinutes(10), false, Map.of("access-token", "t"), Map.of());

    private static IncidentSnapshot map(String kind, String data) {
        return EbayMapper.normalize(ACCOUNT, RawRecord.json(kind, "{\"kind\":\"" + kind + "\",\"data\":" + data + "}"));
    }

    @Test
    @DisplayName("X8: an inquiry waiting for the seller is an item not received, due by eBay's respond-by date, with the amount claimed")
    void inquiryWaitingForSeller() {
        IncidentSnapshot s = map("inquiry", """
                {"inquiryId": "5011112222", "inquiryStatusEnum": "WAITING_SELLER_RESPONSE", "buyer": "sunny_days_77",
                 "itemId": "110552350112", "transactionId": "27900014555",
                 "claimAmount": {"value": 39.90, "currency": "USD"},
                 "creationDate": {"value": "2026-11-24T08:00:00.000Z"},
                 "respondByDate": {"value": "2026-11-27T08:00:00.000Z"}, "someFieldEbayAddedLater": true}""");

        assertThat(s.externalId()).isEqualTo("INQ-5011112222");
        assertThat(s.orderId()).isEqualTo("110552350112-27900014555");
        assertThat(s.status()).isEqualTo(IncidentStatus.NEEDS_SELLER_ACTION);
        assertThat(s.actionOwner()).isEqualTo(ActionOwner.SELLER);
        assertThat(s.respondBy()).isEqualTo(Instant.parse("2026-11-27T08:00:00Z"));
        assertThat(s.reason().category()).isEqualTo(ReasonCategory.NOT_DELIVERED);
        assertThat(s.requestedRefund().amount()).isEqualByComparingTo(new BigDecimal("39.90"));
        assertThat(s.requestedRefund().currency()).isEqualTo("USD");
        assertThat(s.buyerName()).isEqualTo("sunny_days_77");
    }

    @Test
    @DisplayName("X8: an inquiry's detail brings its history as the conversation, by who acted")
    void inquiryDetailHistory() {
        IncidentSnapshot s = map("inquiry", """
                {"inquiryId": "5011112222", "status": "WAITING_BUYER_RESPONSE", "itemId": "1", "transactionId": "2",
                 "claimAmount": {"value": 12, "currency": "GBP"},
                 "inquiryDetails": {"creationDate": {"value": "2026-11-24T08:00:00.000Z"}},
                 "inquiryHistoryDetails": {"history": [
                   {"action": "OPEN", "actor": "BUYER", "date": {"value": "2026-11-24T08:00:00.000Z"}, "description": "Not arrived"},
                   {"action": "SELLER_PROVIDE_SHIPMENT_INFO", "actor": "SELLER", "date": {"value": "2026-11-25T08:00:00.000Z"}}]}}""");

        assertThat(s.status()).isEqualTo(IncidentStatus.WAITING_FOR_BUYER);
        assertThat(s.openedAt()).isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
        assertThat(s.messages()).extracting(m -> m.author()).containsExactly(PartyRole.BUYER, PartyRole.SELLER);
        assertThat(s.messages().get(0).body()).isEqualTo("OPEN: Not arrived");
    }

    @Test
    @DisplayName("X8: cases: eBay's customer service holding it waits for the platform; closed by it is closed; a new value puts the seller in charge")
    void cases() {
        String base = """
                {"caseId": "5200000001", "caseStatusEnum": "%s", "itemId": "1", "transactionId": "2",
                 "claimAmount": {"value": 20.00, "currency": "EUR"}, "respondByDate": {"value": "2026-12-02T00:00:00.000Z"},
                 "otherParty": {"role": "BUYER", "userId": "oldbooks_nyc"}}""";

        assertThat(map("case", base.formatted("WAITING_CS")).status()).isEqualTo(IncidentStatus.WAITING_FOR_PLATFORM);
        assertThat(map("case", base.formatted("CS_CLOSED")).status()).isEqualTo(IncidentStatus.CLOSED);
        IncidentSnapshot unknown = map("case", base.formatted("SOMETHING_NEW"));
        assertThat(unknown.status()).isEqualTo(IncidentStatus.NEEDS_SELLER_ACTION);
        assertThat(unknown.rawStatus()).isEqualTo("SOMETHING_NEW");
        assertThat(unknown.buyerName()).isEqualTo("oldbooks_nyc");
    }

    @Test
    @DisplayName("X8: a return waiting for the buyer, and one eBay holds after an escalation, stay visible with who acts")
    void returnsWaiting() {
        IncidentSnapshot buyer = map("return", """
                {"returnId": "5000012345", "state": "ITEM_SHIPPED", "creationInfo": {"reason": "DEFECTIVE_ITEM",
                 "item": {"itemId": "1", "transactionId": "2"}}, "buyerResponseDue": {"activityDue": "BUYER_SHIP_ITEM"}}""");
        IncidentSnapshot platform = map("return", """
                {"returnId": "5000012346", "state": "ESCALATED", "creationInfo": {"reason": "NOT_AS_DESCRIBED"},
                 "timeoutDate": {"value": "2026-12-05T00:00:00.000Z"}}""");

        assertThat(buyer.status()).isEqualTo(IncidentStatus.WAITING_FOR_BUYER);
        assertThat(buyer.reason().category()).isEqualTo(ReasonCategory.DEFECTIVE);
        assertThat(platform.status()).isEqualTo(IncidentStatus.WAITING_FOR_PLATFORM);
        assertThat(platform.respondBy()).isEqualTo(Instant.parse("2026-12-05T00:00:00Z"));
        assertThat(platform.reason().category()).isEqualTo(ReasonCategory.WRONG_ITEM);
    }
}
