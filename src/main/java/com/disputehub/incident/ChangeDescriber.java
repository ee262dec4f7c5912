package com.disputehub.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import com.disputehub.incident.TimelineText.Arg;
import com.disputehub.incident.TimelineText.Part;

/** Lists, in words a seller reads on the timeline, what differs between a stored incident and its update. */
final class ChangeDescriber {

    private ChangeDescriber() {
    }

    /** One change: the field's name in events (as the API spells it) and its words for the timeline. */
    record Change(String field, Part words) {
    }

    /** The names of the fields that changed, each once, for events (DOMAIN X7). */
    static List<String> fields(List<Change> changes) {
        return changes.stream().map(Change::field).distinct().toList();
    }

    static TimelineText text(List<Change> changes) {
        return new TimelineText(changes.stream().map(Change::words).toList());
    }

    static List<Change> changes(Incident before, Incident after) {
        List<Change> changes = new ArrayList<>();
        field(changes, "status", "tlf.status", "status", before, after, Incident::status);
        field(changes, "rawStatus", "tlf.rawStatus", "channel status", before, after, Incident::rawStatus);
        field(changes, "actionOwner", "tlf.actionOwner", "to act", before, after, Incident::actionOwner);
        field(changes, "reason", "tlf.reason", "reason", before, after, i -> i.reason().category());
        field(changes, "reason", "tlf.reasonCode", "reason code", before, after, i -> i.reason().rawCode());
        field(changes, "reason", "tlf.reasonLabel", "reason label", before, after, i -> i.reason().rawLabel());
        field(changes, "kind", "tlf.kind", "kind", before, after, Incident::kind);
        field(changes, "orderId", "tlf.orderId", "order", before, after, Incident::orderId);
        field(changes, "orderLineIds", "tlf.orderLineIds", "order lines", before, after, Incident::orderLineIds);
        field(changes, "skus", "tlf.skus", "SKUs", before, after, Incident::skus);
        field(changes, "productTitle", "tlf.productTitle", "product", before, after, Incident::productTitle);
        field(changes, "productImageUrl", "tlf.productImageUrl", "product image", before, after, Incident::productImageUrl);
        field(changes, "buyerName", "tlf.buyerName", "buyer", before, after, Incident::buyerName);
        money(changes, "requestedRefund", "tlf.requestedRefund", "requested refund", before.requestedRefund(), after.requestedRefund());
        money(changes, "productValue", "tlf.productValue", "product value", before.productValue(), after.productValue());
        field(changes, "respondBy", "tlf.respondBy", "respond by", before, after, Incident::respondBy);
        field(changes, "openedAt", "tlf.openedAt", "opened", before, after, Incident::openedAt);
        field(changes, "flags", "tlf.flags", "flags", before, after, Incident::flags);
        details(changes, before.details(), after.details());
        messages(changes, before.messages(), after.messages());
        if (!before.evidence().equals(after.evidence())) {
            changes.add(new Change("evidence", part("tl.evidence", Arg.values(before.evidence().size(), after.evidence().size()))));
        }
        return changes;
    }

    private static void field(List<Change> changes, String key, String nameKey, String name, Incident before, Incident after,
                              Function<Incident, ?> getter) {
        Object was = getter.apply(before);
        Object now = getter.apply(after);
        if (!Objects.equals(was, now)) {
            changes.add(new Change(key, part("tl.field", Arg.word(nameKey, name), arg(was), arg(now))));
        }
    }

    private static void money(List<Change> changes, String key, String nameKey, String name, Money was, Money now) {
        boolean same = was == null ? now == null : was.sameAs(now);
        if (!same) {
            changes.add(new Change(key, part("tl.field", Arg.word(nameKey, name), arg(was), arg(now))));
        }
    }

    private static void details(List<Change> changes, ChannelDetails was, ChannelDetails now) {
        Set<String> keys = new LinkedHashSet<>(was.attributes().keySet());
        keys.addAll(now.attributes().keySet());
        for (String key : keys) {
            if (!Objects.equals(was.attribute(key), now.attribute(key))) {
                changes.add(new Change("details", part("tl.field", Arg.word("attr." + key, key), arg(was.attribute(key)),
                        arg(now.attribute(key)))));
            }
        }
        if (!was.history().equals(now.history())) {
            int added = now.history().size() - was.history().size();
            changes.add(new Change("details", added > 0 && now.history().subList(0, was.history().size()).equals(was.history())
                    ? part("tl.historyNew", Arg.values(added, now.history().get(now.history().size() - 1).text()))
                    : part("tl.historyCount", Arg.values(was.history().size(), now.history().size()))));
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
            changes.add(new Change("messages", added.size() == 1 ? part("tl.messageNew", Arg.word("party.", last.author()))
                    : part("tl.messagesNew", Arg.value(added.size()), Arg.word("party.", last.author()))));
        }
        if (added.isEmpty() || now.size() - added.size() != was.size()) {
            changes.add(new Change("messages", part("tl.messagesEdited", Arg.values(was.size(), now.size()))));
        }
    }

    private static Part part(String key, Arg... args) {
        return new Part(key, List.of(args));
    }

    /** Statuses, owners, reasons and kinds are words the reader's language has; times are for people; the rest as is. */
    private static Arg arg(Object value) {
        if (value instanceof IncidentStatus s) {
            return Arg.word("status.", s);
        }
        if (value instanceof ActionOwner o) {
            return Arg.word("owner.", o);
        }
        if (value instanceof ReasonCategory r) {
            return Arg.word("reason.", r);
        }
        if (value instanceof IncidentKind k) {
            return Arg.word("kind.", k);
        }
        if (value instanceof Instant at) {
            return Arg.time(at);
        }
        return Arg.value(value);
    }
}
