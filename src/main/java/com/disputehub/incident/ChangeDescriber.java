package com.disputehub.incident;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** Lists, in words a seller reads on the timeline, what differs between a stored incident and its update. */
final class ChangeDescriber {

    private ChangeDescriber() {
    }

    /** One change: the field's name in events (as the API spells it) and the sentence for the timeline. */
    record Change(String field, String text) {
    }

    static List<String> describe(Incident before, Incident after) {
        return changes(before, after).stream().map(Change::text).toList();
    }

    /** The names of the fields that changed, each once, for events (DOMAIN X7). */
    static List<String> fields(Incident before, Incident after) {
        return changes(before, after).stream().map(Change::field).distinct().toList();
    }

    static List<Change> changes(Incident before, Incident after) {
        List<Change> changes = new ArrayList<>();
        field(changes, "status", "status", before, after, Incident::status);
        field(changes, "rawStatus", "channel status", before, after, Incident::rawStatus);
        field(changes, "actionOwner", "to act", before, after, Incident::actionOwner);
        field(changes, "reason", "reason", before, after, i -> i.reason().category());
        field(changes, "reason", "reason code", before, after, i -> i.reason().rawCode());
        field(changes, "reason", "reason label", before, after, i -> i.reason().rawLabel());
        field(changes, "kind", "kind", before, after, Incident::kind);
        field(changes, "orderId", "order", before, after, Incident::orderId);
        field(changes, "orderLineIds", "order lines", before, after, Incident::orderLineIds);
        field(changes, "skus", "SKUs", before, after, Incident::skus);
        field(changes, "productTitle", "product", before, after, Incident::productTitle);
        field(changes, "productImageUrl", "product image", before, after, Incident::productImageUrl);
        field(changes, "buyerName", "buyer", before, after, Incident::buyerName);
        money(changes, "requestedRefund", "requested refund", before.requestedRefund(), after.requestedRefund());
        money(changes, "productValue", "product value", before.productValue(), after.productValue());
        field(changes, "respondBy", "respond by", before, after, Incident::respondBy);
        field(changes, "openedAt", "opened", before, after, Incident::openedAt);
        field(changes, "flags", "flags", before, after, Incident::flags);
        details(changes, before.details(), after.details());
        messages(changes, before.messages(), after.messages());
        if (!before.evidence().equals(after.evidence())) {
            changes.add(new Change("evidence", "evidence: " + before.evidence().size() + " → " + after.evidence().size() + " files"));
        }
        return changes;
    }

    private static void field(List<Change> changes, String key, String name, Incident before, Incident after,
                              Function<Incident, ?> getter) {
        Object was = getter.apply(before);
        Object now = getter.apply(after);
        if (!Objects.equals(was, now)) {
            changes.add(new Change(key, name + ": " + text(was) + " → " + text(now)));
        }
    }

    private static void money(List<Change> changes, String key, String name, Money was, Money now) {
        boolean same = was == null ? now == null : was.sameAs(now);
        if (!same) {
            changes.add(new Change(key, name + ": " + text(was) + " → " + text(now)));
        }
    }

    private static void details(List<Change> changes, ChannelDetails was, ChannelDetails now) {
        Set<String> keys = new java.util.LinkedHashSet<>(was.attributes().keySet());
        keys.addAll(now.attributes().keySet());
        for (String key : keys) {
            if (!Objects.equals(was.attribute(key), now.attribute(key))) {
                changes.add(new Change("details", key + ": " + text(was.attribute(key)) + " → " + text(now.attribute(key))));
            }
        }
        if (!was.history().equals(now.history())) {
            int added = now.history().size() - was.history().size();
            changes.add(new Change("details", added > 0 && now.history().subList(0, was.history().size()).equals(was.history())
                    ? "history: " + added + " new, last " + now.history().get(now.history().size() - 1).text()
                    : "history: " + was.history().size() + " → " + now.history().size() + " entries"));
        }
    }

    private static void messages(List<Change> changes, List<IncidentMessage> was, List<IncidentMessage> now) {
        if (was.equals(now)) {
            return;
        }
        Set<String> known = new HashSet<>();
        was.forEach(m -> known.add(m.externalId()));
        List<IncidentMessage> added = now.stream().filter(m -> !known.contains(m.externalId())).toList();
        if (!added.isEmpty()) {
            IncidentMessage last = added.get(added.size() - 1);
            changes.add(new Change("messages", added.size() + (added.size() == 1 ? " new message" : " new messages")
                    + ", last from " + text(last.author())));
        }
        if (added.isEmpty() || now.size() - added.size() != was.size()) {
            changes.add(new Change("messages", "messages edited: " + was.size() + " → " + now.size()));
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return "none";
        }
        return value instanceof Enum<?> e ? e.name().toLowerCase().replace('_', ' ') : value.toString();
    }
}
