package com.disputehub.channel.mercadolibre;

import static com.disputehub.channel.support.JsonText.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.NormalizationException;
import com.disputehub.channel.RawRecord;
import com.disputehub.channel.support.JsonText;
import com.disputehub.channel.support.ReasonClassifier;
import com.disputehub.incident.ActionOwner;
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
 * Turns one Mercado Libre claim ({@code {"claim": <claim>, "messages": [...], "offers": <partial-refund offers>}})
 * into an incident: who acts from the players' available actions and their due dates, the reason from
 * {@code reason_id} (PNR: not received; PDD: different or defective), the conversation, and the claim's value
 * from the partial-refund offers when Mercado Libre lists them.
 */
final class MercadoLibreMapper {

    private MercadoLibreMapper() {
    }

    static IncidentSnapshot normalize(ChannelAccount account, RawRecord raw) {
        JsonNode record;
        try {
            record = MercadoLibreClient.JSON.readTree(raw.body());
        } catch (JacksonException e) {
            throw new NormalizationException(raw.ref() + ": " + e.getOriginalMessage(), e);
        }
        JsonNode claim = record.path("claim");
        String id = text(claim, "id");
        if (id == null) {
            throw new NormalizationException(raw.ref() + ": the claim has no id", null);
        }
        String resource = text(claim, "resource");
        String resourceId = text(claim, "resource_id");
        IncidentSnapshot.Builder b = IncidentSnapshot.builder(IncidentKind.MARKETPLACE_DISPUTE, id)
                .order(resourceId, List.of())
                .buyerName(player(claim, "complainant").map(p -> text(p, "user_id")).orElse(null))
                .reason(reason(account, claim))
                .productValue(fullValue(raw, record.path("offers")))
                .openedAt(JsonText.instant(raw, text(claim, "date_created")))
                .channelUpdatedAt(JsonText.instant(raw, text(claim, "last_updated")))
                .messages(messages(raw, id, record.path("messages")))
                .flags("shipment".equals(resource) ? List.of("SHIPMENT_CLAIM") : List.of())
                .rawPayload(raw.text());
        status(b, raw, claim);
        return b.build();
    }

    private static void status(IncidentSnapshot.Builder b, RawRecord raw, JsonNode claim) {
        String status = text(claim, "status");
        String stage = text(claim, "stage");
        String rawStatus = status + "/" + stage;
        if ("closed".equals(status)) {
            String resolution = text(claim.path("resolution"), "reason");
            b.status(IncidentStatus.CLOSED, resolution == null ? rawStatus : rawStatus + "/" + resolution, ActionOwner.NOBODY);
            return;
        }
        JsonNode sellerActions = player(claim, "respondent").map(p -> p.path("available_actions")).orElse(null);
        if (sellerActions != null && sellerActions.isArray() && !sellerActions.isEmpty()) {
            Instant due = null;
            for (JsonNode action : sellerActions) {
                Instant at = JsonText.instant(raw, text(action, "due_date"));
                if (at != null && (due == null || at.isBefore(due))) {
                    due = at;
                }
            }
            b.status(IncidentStatus.NEEDS_SELLER_ACTION, rawStatus, ActionOwner.SELLER).respondBy(due);
        } else if ("dispute".equals(stage)) {
            // in mediation, Mercado Libre decides: the claim stays visible until it closes
            b.status(IncidentStatus.WAITING_FOR_PLATFORM, rawStatus, ActionOwner.PLATFORM);
        } else {
            b.status(IncidentStatus.WAITING_FOR_BUYER, rawStatus, ActionOwner.BUYER);
        }
    }

    /** The seller's actions available now (the respondent player's), by name. */
    static List<String> sellerActions(JsonNode claim) {
        List<String> actions = new ArrayList<>();
        player(claim, "respondent").ifPresent(p -> p.path("available_actions").forEach(a -> actions.add(a.path("action").asString(""))));
        return actions;
    }

    static java.util.Optional<JsonNode> player(JsonNode claim, String role) {
        for (JsonNode p : claim.path("players")) {
            if (role.equals(p.path("role").asString(""))) {
                return java.util.Optional.of(p);
            }
        }
        return java.util.Optional.empty();
    }

    private static Reason reason(ChannelAccount account, JsonNode claim) {
        String code = text(claim, "reason_id");
        String type = text(claim, "type");
        ReasonCategory category;
        if (code != null && account.option("reason-map." + code).isPresent()) {
            category = ReasonClassifier.classify(account, code, null);
        } else if ("cancel_purchase".equals(type)) {
            category = ReasonCategory.BUYER_CANCELLED;
        } else if (code != null && code.startsWith("PNR")) {
            category = ReasonCategory.NOT_DELIVERED;
        } else if (code != null && code.startsWith("PDD")) {
            category = ReasonCategory.DEFECTIVE;
        } else {
            category = ReasonCategory.OTHER;
        }
        return new Reason(category, code, type == null ? null : type.replace('_', ' ').toLowerCase(Locale.ROOT));
    }

    /** The full value, from an offer: amount × 100 / percentage, in the offers' currency. */
    private static Money fullValue(RawRecord raw, JsonNode offers) {
        String currency = text(offers, "currency_id");
        for (JsonNode offer : offers.path("available_offers")) {
            try {
                BigDecimal amount = new BigDecimal(offer.path("amount").asString());
                BigDecimal percentage = new BigDecimal(offer.path("percentage").asString());
                if (currency != null && percentage.signum() > 0) {
                    int digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
                    return new Money(amount.multiply(BigDecimal.valueOf(100)).divide(percentage, Math.max(digits, 0), RoundingMode.HALF_UP), currency);
                }
            } catch (IllegalArgumentException e) {
                throw new NormalizationException(raw.ref() + ": a partial-refund offer is not an amount: " + offer, e);
            }
        }
        return null;
    }

    private static List<IncidentMessage> messages(RawRecord raw, String claimId, JsonNode list) {
        JsonNode items = list.isArray() ? list : list.path("data");
        List<IncidentMessage> messages = new ArrayList<>();
        int n = 0;
        for (JsonNode m : items) {
            String when = text(m, "date_created");
            messages.add(new IncidentMessage(claimId + "/" + (text(m, "id") != null ? text(m, "id") : when + "#" + n), claimId, null,
                    role(text(m, "sender_role")), null, List.of(role(text(m, "receiver_role"))),
                    text(m, "message"), JsonText.instant(raw, when)));
            n++;
        }
        messages.sort(Comparator.comparing(IncidentMessage::sentAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(IncidentMessage::externalId));
        return messages;
    }

    static PartyRole role(String role) {
        if (role == null) {
            return PartyRole.OTHER;
        }
        return switch (role) {
            case "complainant" -> PartyRole.BUYER;
            case "respondent" -> PartyRole.SELLER;
            case "mediator" -> PartyRole.OPERATOR;
            default -> PartyRole.OTHER;
        };
    }
}
