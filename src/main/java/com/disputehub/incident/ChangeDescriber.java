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

    static List<String> describe(Incident before, Incident after) {
        List<String> changes = new ArrayList<>();
        field(changes, "status", before, after, Incident::status);
        field(changes, "channel status", before, after, Incident::rawStatus);
        field(changes, "to act", before, after, Incident::actionOwner);
        field(changes, "reason", before, after, i -> i.reason().category());
        field(changes, "reason code", before, after, i -> i.reason().rawCode());
        field(changes, "reason label", before, after, i -> i.reason().rawLabel());
        field(changes, "kind", before, after, Incident::kind);
        field(changes, "order", before, after, Incident::orderId);
        field(changes, "order lines", before, after, Incident::orderLineIds);
        field(changes, "SKUs", before, after, Incident::skus);
        field(changes, "product", before, after, Incident::productTitle);
        field(changes, "product image", before, after, Incident::productImageUrl);
        field(changes, "buyer", before, after, Incident::buyerName);
        money(changes, "requested refund", before.requestedRefund(), after.requestedRefund());
        money(changes, "product value", before.productValue(), after.productValue());
        field(changes, "respond by", before, after, Incident::respondBy);
        field(changes, "opened", before, after, Incident::openedAt);
        field(changes, "flags", before, after, Incident::flags);
        details(changes, before.details(), after.details());
        messages(changes, before.messages(), after.messages());
        if (!before.evidence().equals(after.evidence())) {
            changes.add("evidence: " + before.evidence().size() + " → " + after.evidence().size() + " files");
        }
        return changes;
    }

    private static void field(List<String> changes, String name, Incident before, Incident after,
                              Function<Incident, ?> getter) {
        Object was = getter.apply(before);
        Object now = getter.apply(after);
        if (!Objects.equals(was, now)) {
            changes.add(name + ": " + text(was) + " → " + text(now));
        }
    }

    private static void money(List<String> changes, String name, Money was, Money now) {
        boolean same = was == null ? now == null : was.sameAs(now);
        if (!same) {
            changes.add(name + ": " + text(was) + " → " + text(now));
        }
    }

    private static void details(List<String> changes, ChannelDetails was, ChannelDetails now) {
        Set<String> keys = new java.util.LinkedHashSet<>(was.attributes().keySet());
        keys.addAll(now.attributes().keySet());
        for (String key : keys) {
            if (!Objects.equals(was.attribute(key), now.attribute(key))) {
                changes.add(key + ": " + text(was.attribute(key)) + " → " + text(now.attribute(key)));
            }
        }
        if (!was.history().equals(now.history())) {
            int added = now.history().size() - was.history().size();
            changes.add(added > 0 && now.history().subList(0, was.history().size()).equals(was.history())
                    ? "history: " + added + " new, last " + now.history().get(now.history().size() - 1).text()
                    : "history: " + was.history().size() + " → " + now.history().size() + " entries");
        }
    }

    private static void messages(List<String> changes, List<IncidentMessage> was, List<IncidentMessage> now) {
        if (was.equals(now)) {
            return;
        }
        Set<String> known = new HashSet<>();
        was.forEach(m -> known.add(m.externalId()));
        List<IncidentMessage> added = now.stream().filter(m -> !known.contains(m.externalId())).toList();
        if (!added.isEmpty()) {
            IncidentMessage last = added.get(added.size() - 1);
            changes.add(added.size() + (added.size() == 1 ? " new message" : " new messages")
                    + ", last from " + text(last.author()));
        }
        if (added.isEmpty() || now.size() - added.size() != was.size()) {
            changes.add("messages edited: " + was.size() + " → " + now.size());
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return "none";
        }
        return value instanceof Enum<?> e ? e.name().toLowerCase().replace('_', ' ') : value.toString();
    }
}
