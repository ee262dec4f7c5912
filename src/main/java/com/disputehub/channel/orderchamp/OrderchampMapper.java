package com.disputehub.channel.orderchamp;

import static com.disputehub.channel.support.JsonText.text;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.NormalizationException;
import com.disputehub.channel.RawRecord;
import com.disputehub.channel.support.ReasonClassifier;
import com.disputehub.incident.ActionOwner;
import com.disputehub.incident.Evidence;
import com.disputehub.incident.IncidentKind;
import com.disputehub.incident.IncidentMessage;
import com.disputehub.incident.IncidentSnapshot;
import com.disputehub.incident.IncidentStatus;
import com.disputehub.incident.Money;
import com.disputehub.incident.PartyRole;
import com.disputehub.incident.Reason;
import com.disputehub.incident.ReasonCategory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One reported problem to an incident (DOMAIN O1..O5): routed to the brand or to Orderchamp support by its
 * reason, its status, the order's value and payout, the retailer's photos and the chat.
 */
final class OrderchampMapper {

    static final String HANDLED_BY_PLATFORM = "HANDLED_BY_PLATFORM";
    static final String PAYOUT_ON_HOLD = "PAYOUT_ON_HOLD";

    private OrderchampMapper() {
    }

    static boolean brandHandles(String reason) {
        return OrderchampSchema.BRAND_REASONS.containsKey(reason);
    }

    static IncidentSnapshot normalize(ChannelAccount account, RawRecord raw) {
        JsonNode p;
        try {
            p = OrderchampClient.JSON.readTree(raw.body());
        } catch (JacksonException e) {
            throw new NormalizationException(raw.ref() + ": " + e.getOriginalMessage(), e);
        }
        String id = text(p, "id");
        if (id == null) {
            throw new NormalizationException(raw.ref() + ": the problem has no id", null);
        }
        String reason = text(p, "reason");
        String reasonText = text(p, "reasonText");
        ReasonCategory category = OrderchampSchema.BRAND_REASONS.getOrDefault(reason,
                OrderchampSchema.PLATFORM_REASONS.getOrDefault(reason, ReasonClassifier.classify(account, reason, reasonText)));
        String status = text(p, "status");
        boolean brand = brandHandles(reason);
        List<String> flags = new ArrayList<>();
        if (!brand) {
            flags.add(HANDLED_BY_PLATFORM);
        }
        JsonNode order = p.path("order");
        if (OrderchampSchema.OPEN.contains(status) && !OrderchampSchema.PAID_OUT.equals(order.path("payoutStatus").asString(""))) {
            flags.add(PAYOUT_ON_HOLD);
        }
        List<String> skus = new ArrayList<>();
        p.path("items").forEach(i -> {
            if (text(i, "sku") != null) {
                skus.add(text(i, "sku"));
            }
        });
        JsonNode firstItem = p.path("items").path(0);
        IncidentSnapshot.Builder b = IncidentSnapshot.builder(IncidentKind.RETAILER_ISSUE, id)
                .order(text(order, "id"), List.of())
                .skus(skus)
                .product(text(firstItem, "title"), null)
                .buyerName(text(order.path("retailer"), "name"))
                .reason(new Reason(category, reason, reasonText))
                .productValue(money(raw, order.path("total")))
                .openedAt(time(raw, text(p, "createdAt")))
                .channelUpdatedAt(time(raw, text(p, "updatedAt")))
                .messages(messages(raw, id, p.path("messages")))
                .evidence(photos(p.path("photos")))
                .flags(flags)
                .rawPayload(raw.text());
        status(b, status, brand);
        return b.build();
    }

    private static void status(IncidentSnapshot.Builder b, String status, boolean brand) {
        switch (status == null ? "" : status) {
            case OrderchampSchema.SUBMITTED -> b.status(brand ? IncidentStatus.NEEDS_SELLER_ACTION : IncidentStatus.WAITING_FOR_PLATFORM,
                    status, brand ? ActionOwner.SELLER : ActionOwner.PLATFORM);
            case OrderchampSchema.REVIEWING -> b.status(IncidentStatus.WAITING_FOR_PLATFORM, status, ActionOwner.PLATFORM);
            // O3: the brand chose a solution; the retailer marks the problem resolved
            case OrderchampSchema.IN_PROGRESS -> b.status(IncidentStatus.WAITING_FOR_BUYER, status, ActionOwner.BUYER);
            case OrderchampSchema.RESOLVED -> b.status(IncidentStatus.RESOLVED, status, ActionOwner.NOBODY);
            case OrderchampSchema.REJECTED -> b.status(IncidentStatus.REJECTED, status, ActionOwner.NOBODY);
            default -> b.status(IncidentStatus.NEEDS_SELLER_ACTION, status, ActionOwner.SELLER);
        }
    }

    private static List<IncidentMessage> messages(RawRecord raw, String problemId, JsonNode messages) {
        List<IncidentMessage> result = new ArrayList<>();
        for (JsonNode m : messages) {
            String sender = m.path("sender").asString("");
            PartyRole author = switch (sender) {
                case "RETAILER" -> PartyRole.BUYER;
                case "BRAND" -> PartyRole.SELLER;
                case "ORDERCHAMP" -> PartyRole.OPERATOR;
                default -> PartyRole.OTHER;
            };
            List<PartyRole> to = author == PartyRole.SELLER ? List.of(PartyRole.BUYER) : List.of(PartyRole.SELLER);
            result.add(new IncidentMessage(text(m, "id"), problemId, null, author, null, to, text(m, "body"),
                    time(raw, text(m, "createdAt"))));
        }
        return result;
    }

    private static List<Evidence> photos(JsonNode photos) {
        List<Evidence> evidence = new ArrayList<>();
        photos.forEach(photo -> {
            if (text(photo, "url") != null) {
                evidence.add(new Evidence(text(photo, "url"), "photo", PartyRole.BUYER));
            }
        });
        return evidence;
    }

    private static Money money(RawRecord raw, JsonNode money) {
        String amount = text(money, "amount");
        String currency = text(money, "currencyCode");
        if (amount == null || currency == null) {
            return null;
        }
        try {
            return new Money(new BigDecimal(amount), currency);
        } catch (NumberFormatException e) {
            throw new NormalizationException(raw.ref() + ": '" + amount + "' is not an amount", e);
        }
    }

    private static Instant time(RawRecord raw, String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new NormalizationException(raw.ref() + ": '" + value + "' is not an ISO-8601 time", e);
        }
    }

}
