package com.disputehub.playbook;

import static com.disputehub.channel.support.SupplierClaimTerms.REFUND_AFTER_VERIFY_DAYS;
import static com.disputehub.channel.support.SupplierClaimTerms.VERIFY_MAX_DAYS;
import static com.disputehub.channel.support.SupplierClaimTerms.VERIFY_MIN_DAYS;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import com.disputehub.channel.command.AskExpedite;
import com.disputehub.channel.command.DecisionType;
import com.disputehub.channel.command.Refund;
import com.disputehub.channel.command.RequestInterception;
import com.disputehub.channel.support.BusinessCalendar;
import com.disputehub.incident.Incident;
import com.disputehub.incident.IncidentKind;
import com.disputehub.incident.IncidentStatus;
import com.disputehub.incident.IncidentView;
import com.disputehub.incident.ReasonCategory;
import com.disputehub.incident.SupplierFields;

/** The rules of seeds 000 (carrier), 001 (supplier) and 003 (M1), in the order they are tried. */
final class SeedRules {

    private SeedRules() {
    }

    static List<PlaybookRule> all() {
        return List.of(
                rule("late-refund", supplier(ReasonCategory.LATE_SHIPMENT).and(i -> lateDays(i) >= 4), (i, now, cal) ->
                        new Suggestion("late-refund", DecisionType.REFUND, "Refund the customer and re-source the item elsewhere",
                                cal.plusBusinessDays(now, 1), "Late by " + lateDays(i) + " business days: from 4 on, treat it as out of stock (seed 001)",
                                new Refund(null, null, null, null, null, null, null), List.of(lateDays(i)))),
                rule("late-expedite", supplier(ReasonCategory.LATE_SHIPMENT).and(i -> lateDays(i) >= 2), (i, now, cal) ->
                        new Suggestion("late-expedite", DecisionType.ASK_EXPEDITE, "Ask the supplier to ship now",
                                cal.plusBusinessDays(now, 1), "Late by " + lateDays(i) + " business days: from 2 on, ask to expedite (seed 001)",
                                new AskExpedite("Order " + i.orderId() + " is " + lateDays(i) + " business days late: please ship it today."),
                                List.of(lateDays(i)))),
                rule("unavailable-refund", supplier(ReasonCategory.OUT_OF_STOCK, ReasonCategory.OVERSIZE,
                        ReasonCategory.SUPPLIER_UNRESPONSIVE), (i, now, cal) ->
                        new Suggestion("unavailable-refund", DecisionType.REFUND, "Refund the customer, then re-source or adjust the order",
                                cal.plusBusinessDays(now, 1), "Out of stock, oversize or an unresponsive supplier: refund so the customer does not wait (seed 001)",
                                new Refund(null, null, null, null, null, null, null))),
                rule("customs-remind", supplier(ReasonCategory.CUSTOMS_HOLD), (i, now, cal) ->
                        new Suggestion("customs-remind", null, "Tell the customer the parcel is held at customs and what to expect",
                                cal.plusBusinessDays(now, 1), "Customs hold: inform the customer proactively (seed 001)", null)),
                rule("claim-evidence", supplier(ReasonCategory.DAMAGED, ReasonCategory.WRONG_ITEM, ReasonCategory.MISSING_ITEMS)
                        .and(i -> i.status() == IncidentStatus.NEEDS_SELLER_ACTION), (i, now, cal) ->
                        new Suggestion("claim-evidence", DecisionType.SUBMIT_EVIDENCE, "Collect the buyer's photos or video and send them to the supplier",
                                cal.plusBusinessDays(now, 2), "The supplier verifies in " + VERIFY_MIN_DAYS + " to " + VERIFY_MAX_DAYS
                                + " business days, then reissues or refunds within " + REFUND_AFTER_VERIFY_DAYS + " more (seed 001)", null,
                                List.of(VERIFY_MIN_DAYS, VERIFY_MAX_DAYS, REFUND_AFTER_VERIFY_DAYS))),
                rule("claim-wait", supplier(ReasonCategory.DAMAGED, ReasonCategory.WRONG_ITEM, ReasonCategory.MISSING_ITEMS), (i, now, cal) ->
                        new Suggestion("claim-wait", null, "Wait for the supplier's verification; chase it if nothing comes",
                                cal.plusBusinessDays(i.updatedAt(), VERIFY_MAX_DAYS), "Verification takes " + VERIFY_MIN_DAYS + " to "
                                + VERIFY_MAX_DAYS + " business days; the refund follows within " + REFUND_AFTER_VERIFY_DAYS + " more (seed 001)", null,
                                List.of(VERIFY_MIN_DAYS, VERIFY_MAX_DAYS, REFUND_AFTER_VERIFY_DAYS))),
                rule("intercept-domestic", supplier(ReasonCategory.BUYER_CANCELLED, ReasonCategory.WRONG_ADDRESS)
                        .and(i -> SupplierFields.DOMESTIC.equals(i.details().attribute(SupplierFields.SCOPE))), (i, now, cal) ->
                        new Suggestion("intercept-domestic", DecisionType.REQUEST_INTERCEPTION, "Ask the supplier to intercept the parcel, then refund",
                                cal.plusBusinessDays(now, 1), "A domestic order can be intercepted and refunded if interception succeeds (seed 001)",
                                new RequestInterception("The buyer cancelled or gave a wrong address: please intercept order " + i.orderId() + "."))),
                rule("international-no-intercept", supplier(ReasonCategory.BUYER_CANCELLED, ReasonCategory.WRONG_ADDRESS), (i, now, cal) ->
                        new Suggestion("international-no-intercept", null, "Tell the customer the parcel cannot be stopped",
                                cal.plusBusinessDays(now, 1), "An international order can be neither intercepted nor refunded (seed 001)", null)),
                rule("first-absence", carrier().and(i -> i.flags().contains(IncidentView.FIRST_ABSENCE_FLAG)), (i, now, cal) ->
                        new Suggestion("first-absence", DecisionType.PROVIDE_SOLUTION, "Contact the customer and provide a solution to the carrier",
                                cal.plusBusinessDays(i.openedAt() != null ? i.openedAt() : now, 1),
                                "First absence: optional, but solving it raises the delivery rate (seed 000)", null)),
                rule("carrier-pending", carrier(), (i, now, cal) ->
                        new Suggestion("carrier-pending", DecisionType.PROVIDE_SOLUTION, "Contact the customer and provide a solution to the carrier",
                                cal.plusBusinessDays(i.openedAt() != null ? i.openedAt() : now, 1),
                                "The parcel waits at the carrier until you send a solution; if the customer cannot be reached, record the attempt (seed 000)", null)),
                rule("answer-24h", Incident::awaitsAnswer, (i, now, cal) ->
                        new Suggestion("answer-24h", DecisionType.SEND_MESSAGE, "Answer the last message",
                                i.respondBy() != null ? i.respondBy() : cal.plusBusinessHours(lastMessageAt(i, now), 24),
                                "Messages must be answered within 24 business hours (seed 003, M1)", null)));
    }

    private static Instant lastMessageAt(Incident i, Instant now) {
        Instant at = i.messages().get(i.messages().size() - 1).sentAt();
        return at == null ? now : at;
    }

    static int lateDays(Incident i) {
        String days = i.details().attribute(SupplierFields.LATE_BUSINESS_DAYS);
        try {
            return days == null ? 0 : Integer.parseInt(days);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Predicate<Incident> supplier(ReasonCategory... reasons) {
        Set<ReasonCategory> set = Set.of(reasons);
        return i -> i.kind() == IncidentKind.SUPPLIER_CLAIM && i.status().isOpen() && set.contains(i.reason().category());
    }

    private static Predicate<Incident> carrier() {
        return i -> i.kind() == IncidentKind.CARRIER_INCIDENT && i.status() == IncidentStatus.NEEDS_SELLER_ACTION;
    }

    /** Builds a suggestion from an incident, now and the account's calendar. */
    private interface Step {
        Suggestion make(Incident incident, Instant now, BusinessCalendar calendar);
    }

    private static PlaybookRule rule(String id, Predicate<Incident> when, Step step) {
        return new PlaybookRule() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Optional<Suggestion> suggest(Incident incident, Instant now, BusinessCalendar calendar) {
                return when.test(incident) ? Optional.of(step.make(incident, now, calendar)) : Optional.empty();
            }
        };
    }
}
