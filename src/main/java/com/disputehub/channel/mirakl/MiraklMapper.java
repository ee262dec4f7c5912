package com.disputehub.channel.mirakl;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.NormalizationException;
import com.disputehub.channel.RawRecord;
import com.disputehub.channel.mirakl.model.MiraklMessage;
import com.disputehub.channel.mirakl.model.MiraklOrder;
import com.disputehub.channel.mirakl.model.MiraklOrderLine;
import com.disputehub.channel.mirakl.model.MiraklRecord;
import com.disputehub.channel.mirakl.model.MiraklThread;
import com.disputehub.channel.support.BusinessCalendar;
import com.disputehub.channel.support.ReasonClassifier;
import com.disputehub.incident.ActionOwner;
import com.disputehub.incident.IncidentKind;
import com.disputehub.incident.IncidentMessage;
import com.disputehub.incident.IncidentSnapshot;
import com.disputehub.incident.IncidentStatus;
import com.disputehub.incident.Money;
import com.disputehub.incident.PartyRole;
import com.disputehub.incident.Reason;

import tools.jackson.core.JacksonException;

/**
 * Turns one order (with its threads) into one incident per order line. A line in INCIDENT_OPEN is an open
 * incident; any other line only updates an incident already stored (the operator closed it, a refund ended it).
 */
final class MiraklMapper {

    static final String INCIDENT_OPEN = "INCIDENT_OPEN";
    /** DOMAIN M1: operator and customer messages are answered within 24 business hours. */
    static final int ANSWER_WITHIN_BUSINESS_HOURS = 24;

    private MiraklMapper() {
    }

    /** {@code reasonLabel} looks up an INCIDENT_OPEN label (RE01) when the line carries only the code. */
    static List<IncidentSnapshot> normalize(ChannelAccount account, RawRecord raw,
                                            BiFunction<ChannelAccount, String, String> reasonLabel) {
        MiraklRecord record;
        try {
            record = MiraklJson.MAPPER.readValue(raw.body(), MiraklRecord.class);
        } catch (JacksonException e) {
            throw new NormalizationException(raw.ref() + ": " + e.getOriginalMessage() + pathOf(e), e);
        }
        MiraklOrder order = record.order();
        if (order == null || blank(order.orderId())) {
            throw new NormalizationException(raw.ref() + ": the order has no order_id", null);
        }
        List<IncidentMessage> messages = messages(record.threads());
        BusinessCalendar calendar = BusinessCalendar.of(account, "UTC");
        List<IncidentSnapshot> snapshots = new ArrayList<>();
        for (MiraklOrderLine line : order.orderLines()) {
            if (blank(line.orderLineId())) {
                throw new NormalizationException(raw.ref() + ": a line has no order_line_id", null);
            }
            snapshots.add(snapshot(account, raw, order, line, messages, calendar, reasonLabel));
        }
        return snapshots;
    }

    private static IncidentSnapshot snapshot(ChannelAccount account, RawRecord raw, MiraklOrder order,
                                             MiraklOrderLine line, List<IncidentMessage> messages,
                                             BusinessCalendar calendar,
                                             BiFunction<ChannelAccount, String, String> reasonLabel) {
        boolean open = INCIDENT_OPEN.equals(line.orderLineState());
        Instant updated = line.lastUpdatedDate() != null ? line.lastUpdatedDate() : order.lastUpdatedDate();
        IncidentSnapshot.Builder b = IncidentSnapshot.builder(IncidentKind.MARKETPLACE_DISPUTE, line.orderLineId())
                .order(order.orderId(), List.of(line.orderLineId()))
                .skus(Stream.of(line.offerSku(), line.productSku()).filter(s -> !blank(s)).distinct().toList())
                .product(line.productTitle(), line.productMedias().isEmpty() ? null : line.productMedias().get(0).mediaUrl())
                .buyerName(buyerName(order))
                .productValue(money(line.price(), order.currencyIsoCode()))
                .channelUpdatedAt(updated)
                .messages(messages)
                .rawPayload(raw.text())
                .followUp(!open);
        if (open) {
            String code = line.orderLineStateReasonCode();
            String label = !blank(line.orderLineStateReasonLabel()) || blank(code)
                    ? line.orderLineStateReasonLabel() : reasonLabel.apply(account, code);
            b.reason(new Reason(ReasonClassifier.classify(account, code, label), code, label)).openedAt(updated);
            openStatus(b, messages, calendar, updated);
        } else {
            closedStatus(b, line.orderLineState());
        }
        return b.build();
    }

    /** Who acts on an open incident follows the conversation: the last message's author is waiting for the other side. */
    private static void openStatus(IncidentSnapshot.Builder b, List<IncidentMessage> messages, BusinessCalendar calendar,
                                   Instant openedAt) {
        IncidentMessage last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
        if (last != null && last.author() == PartyRole.SELLER) {
            boolean toBuyer = last.recipients().contains(PartyRole.BUYER);
            b.status(toBuyer ? IncidentStatus.WAITING_FOR_BUYER : IncidentStatus.WAITING_FOR_PLATFORM, INCIDENT_OPEN,
                    toBuyer ? ActionOwner.BUYER : ActionOwner.PLATFORM);
            return;
        }
        Instant since = last != null ? last.sentAt() : openedAt;
        b.status(IncidentStatus.NEEDS_SELLER_ACTION, INCIDENT_OPEN, ActionOwner.SELLER)
                .respondBy(since == null ? null : calendar.plusBusinessHours(since, ANSWER_WITHIN_BUSINESS_HOURS));
    }

    private static void closedStatus(IncidentSnapshot.Builder b, String state) {
        String raw = state == null ? "" : state;
        switch (raw) {
            case "CLOSED", "REFUNDED", "RECEIVED", "SHIPPED", "SHIPPING", "TO_COLLECT", "REFUSED" ->
                    b.status(IncidentStatus.CLOSED, state, ActionOwner.NOBODY);
            case "CANCELED" -> b.status(IncidentStatus.CANCELLED, state, ActionOwner.NOBODY);
            case "WAITING_REFUND", "WAITING_REFUND_PAYMENT" ->
                    b.status(IncidentStatus.WAITING_FOR_PLATFORM, state, ActionOwner.PLATFORM);
            // A state Mirakl added after this adapter was written: kept raw, shown to the seller for review.
            default -> b.status(IncidentStatus.NEEDS_SELLER_ACTION, state, ActionOwner.SELLER);
        }
    }

    static List<IncidentMessage> messages(List<MiraklThread> threads) {
        List<IncidentMessage> messages = new ArrayList<>();
        for (MiraklThread thread : threads) {
            String subject = thread.topic() == null ? null : thread.topic().value();
            for (MiraklMessage m : thread.messages()) {
                Set<PartyRole> to = new LinkedHashSet<>();
                m.to().forEach(p -> to.add(role(p.type())));
                String id = blank(m.id()) ? thread.id() + "@" + m.dateCreated() : m.id();
                messages.add(new IncidentMessage(id, thread.id(), subject, role(m.from() == null ? null : m.from().type()),
                        m.from() == null ? null : m.from().displayName(), List.copyOf(to), m.body(), m.dateCreated(),
                        m.attachments().stream().filter(a -> !blank(a.id()))
                                .map(a -> new IncidentMessage.Attachment(a.id(), a.name(), a.size())).toList()));
            }
        }
        messages.sort(Comparator.comparing(IncidentMessage::sentAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(IncidentMessage::externalId));
        return messages;
    }

    static PartyRole role(String type) {
        if (type == null) {
            return PartyRole.OTHER;
        }
        if (type.startsWith("CUSTOMER")) {
            return PartyRole.BUYER;
        }
        if (type.startsWith("SHOP")) {
            return PartyRole.SELLER;
        }
        return type.startsWith("OPERATOR") ? PartyRole.OPERATOR : PartyRole.OTHER;
    }

    private static String buyerName(MiraklOrder order) {
        if (order.customer() == null) {
            return null;
        }
        String name = (nullToEmpty(order.customer().firstname()) + " " + nullToEmpty(order.customer().lastname())).trim();
        return name.isEmpty() ? null : name;
    }

    private static Money money(BigDecimal amount, String currency) {
        return amount == null || blank(currency) ? null : new Money(amount, currency);
    }

    private static String pathOf(JacksonException e) {
        String path = e.getPathReference();
        return path == null || path.isBlank() ? "" : " (at " + path + ")";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
