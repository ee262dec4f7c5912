package com.disputehub.channel.tipsa;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.NormalizationException;
import com.disputehub.channel.support.ReasonClassifier;
import com.disputehub.incident.ActionOwner;
import com.disputehub.incident.CarrierFields;
import com.disputehub.incident.ChannelDetails;
import com.disputehub.incident.IncidentKind;
import com.disputehub.incident.IncidentMessage;
import com.disputehub.incident.IncidentSnapshot;
import com.disputehub.incident.IncidentStatus;
import com.disputehub.incident.IncidentView;
import com.disputehub.incident.PartyRole;
import com.disputehub.incident.Reason;
import com.disputehub.incident.ReasonCategory;

import tools.jackson.databind.JsonNode;

/**
 * One Tipsa incident (an {@code INC} with its {@code ACT}s), with its shipment, to the common model (DOMAIN C1,
 * C2). Only what TIPSA publishes is shown: the distance to the customer and the attempt number are not in its
 * answers, so they stay unknown.
 *
 * <p>Statuses: a delivered shipment or a resolved incident ({@code B_RESUELTA}) is RESOLVED (green); a returned or
 * destroyed one CLOSED; once this client has recorded an action (the seller's solution) it is DECISION_SENT,
 * flagged NEEDS_REVIEW when the carrier recorded one after it (yellow); otherwise the seller must act (red), with
 * FIRST_ABSENCE on the shipment's first "absent" incident.
 */
final class TipsaMapper {

    /** Tipsa's dates, {@code MM/dd/yyyy HH:mm:ss}, in the agency's local time. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("M/d/yyyy H:mm:ss");

    private TipsaMapper() {
    }

    static IncidentSnapshot normalize(ChannelAccount account, String json, JsonNode record) {
        ZoneId zone = ZoneId.of(account.option("time-zone").orElse("Europe/Madrid"));
        Map<String, String> key = strings(record.path("clave"));
        Map<String, String> inc = strings(record.path("incidencia").path("INC"));
        List<Map<String, String>> actions = list(record.path("incidencia").path("ACT"));
        Map<String, String> shipment = strings(record.path("envio"));
        String id = required(inc, TipsaSchema.ID, "INC");
        String waybill = required(key, TipsaSchema.WAYBILL, "ENV_INCIDENCIAS");
        String externalId = TipsaAdapter.externalId(required(key, TipsaSchema.CARGO_AGENCY, "ENV_INCIDENCIAS"),
                required(key, TipsaSchema.ORIGIN_AGENCY, "ENV_INCIDENCIAS"), waybill, id);
        String code = blankToNull(inc.get(TipsaSchema.INCIDENT_CODE));
        String type = code == null ? null : TipsaSchema.INCIDENT_TYPES.get(code);
        String notes = blankToNull(inc.get(TipsaSchema.NOTES));
        ReasonCategory category = ReasonClassifier.classify(account, code, type);
        if (category == ReasonCategory.OTHER && notes != null) {
            category = ReasonClassifier.classify(notes);
        }
        List<Map<String, String>> states = list(record.path("estados"));
        String lastState = states.isEmpty() ? null : states.get(states.size() - 1).get(TipsaSchema.STATE_CODE);

        List<IncidentMessage> messages = messages(account, externalId, actions, zone);
        Instant solutionAt = null;
        Instant answerAt = null;
        for (IncidentMessage m : messages) {
            if (m.author() == PartyRole.SELLER) {
                solutionAt = m.sentAt();
                answerAt = null;
            } else if (solutionAt != null) {
                answerAt = m.sentAt();
            }
        }
        List<String> flags = new ArrayList<>();
        IncidentStatus status;
        ActionOwner owner;
        if (TipsaSchema.DELIVERED.equals(lastState) || TipsaSchema.yes(inc.get(TipsaSchema.RESOLVED))) {
            status = IncidentStatus.RESOLVED;
            owner = ActionOwner.NOBODY;
        } else if (TipsaSchema.RETURNED.equals(lastState) || TipsaSchema.DESTROYED.equals(lastState)) {
            status = IncidentStatus.CLOSED;
            owner = ActionOwner.NOBODY;
        } else if (answerAt != null) {
            status = IncidentStatus.DECISION_SENT;
            owner = ActionOwner.SELLER;
            flags.add(IncidentView.NEEDS_REVIEW);
        } else if (solutionAt != null) {
            status = IncidentStatus.DECISION_SENT;
            owner = ActionOwner.CARRIER_OR_SUPPLIER;
        } else {
            status = IncidentStatus.NEEDS_SELLER_ACTION;
            owner = ActionOwner.SELLER;
            if (TipsaSchema.ABSENT.equals(code) && firstAbsence(record.path("incidencias"), id)) {
                flags.add(IncidentView.FIRST_ABSENCE_FLAG);
            }
        }
        String rawStatus = (lastState == null ? "?" : lastState + " " + TipsaSchema.STATES.getOrDefault(lastState, ""))
                .trim() + (code == null ? "" : " · " + code) + (solutionAt == null ? "" : answerAt == null
                ? " · solución enviada" : " · respuesta de Tipsa");

        Map<String, String> attributes = new LinkedHashMap<>();
        put(attributes, CarrierFields.STATUS_CODE, code);
        put(attributes, CarrierFields.INCIDENT_TYPE, type);
        put(attributes, CarrierFields.NOTES, notes);
        put(attributes, CarrierFields.SHIPMENT, waybill);
        put(attributes, CarrierFields.RECIPIENT_PHONE, shipment.get(TipsaSchema.RECIPIENT_PHONE));
        put(attributes, CarrierFields.RECIPIENT_ADDRESS, address(shipment));
        Instant opened = date(inc.get(TipsaSchema.REGISTERED_AT), zone);
        return IncidentSnapshot.builder(IncidentKind.CARRIER_INCIDENT, externalId)
                .order(blankToNull(shipment.get(TipsaSchema.REFERENCE)), List.of())
                .buyerName(blankToNull(shipment.get(TipsaSchema.RECIPIENT)))
                .reason(new Reason(category, code, type != null ? type : notes))
                .status(status, rawStatus, owner)
                .openedAt(opened)
                .channelUpdatedAt(latest(opened, messages))
                .messages(messages)
                .flags(flags)
                .details(new ChannelDetails(attributes, history(record, actions, zone)))
                .rawPayload(json)
                .build();
    }

    /** Whether this client recorded the action: the seller's solution, sent from DisputeHub or Tipsa's portal. */
    static boolean byAccount(ChannelAccount account, Map<String, String> action) {
        String client = account.credential("client");
        return client != null && client.equals(action.getOrDefault(TipsaSchema.ACTION_CLIENT, "").trim());
    }

    /** The actions after the incident's opening, as the conversation between the seller and the carrier. */
    private static List<IncidentMessage> messages(ChannelAccount account, String key, List<Map<String, String>> actions, ZoneId zone) {
        List<IncidentMessage> messages = new ArrayList<>();
        for (Map<String, String> a : actions) {
            if (TipsaSchema.ACTION_OPENED.equals(a.get(TipsaSchema.ACTION_CODE))) {
                continue;
            }
            boolean ours = byAccount(account, a);
            String name = blankToNull(a.get(TipsaSchema.ACTION_NAME));
            messages.add(new IncidentMessage(key + "/act/" + a.getOrDefault(TipsaSchema.ID, String.valueOf(messages.size())), key, null,
                    ours ? PartyRole.SELLER : PartyRole.CARRIER, ours ? null : "Tipsa",
                    List.of(ours ? PartyRole.CARRIER : PartyRole.SELLER), name == null ? a.getOrDefault(TipsaSchema.ACTION_CODE, "") : name,
                    date(a.get(TipsaSchema.REGISTERED_AT), zone)));
        }
        messages.sort(Comparator.comparing(IncidentMessage::sentAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        return messages;
    }

    /** The shipment's first incident of absence (the lowest I_ID with code AS) is this one. */
    private static boolean firstAbsence(JsonNode incidents, String id) {
        Integer first = null;
        for (JsonNode i : incidents) {
            JsonNode inc = i.path("INC");
            if (TipsaSchema.ABSENT.equals(inc.path(TipsaSchema.INCIDENT_CODE).asString(""))) {
                Integer n = integer(inc.path(TipsaSchema.ID).asString(""));
                if (n != null && (first == null || n < first)) {
                    first = n;
                }
            }
        }
        return first == null || first.equals(integer(id));
    }

    /** The shipment's states and incidents, and this incident's actions, oldest first, in Tipsa's words. */
    private static List<ChannelDetails.HistoryEntry> history(JsonNode record, List<Map<String, String>> actions, ZoneId zone) {
        List<ChannelDetails.HistoryEntry> history = new ArrayList<>();
        for (Map<String, String> state : list(record.path("estados"))) {
            String code = state.get(TipsaSchema.STATE_CODE);
            history.add(new ChannelDetails.HistoryEntry(date(state.get(TipsaSchema.REGISTERED_AT), zone), code,
                    TipsaSchema.STATES.getOrDefault(code, "Estado " + code)));
        }
        for (JsonNode group : record.path("incidencias")) {
            Map<String, String> inc = strings(group.path("INC"));
            String code = nonNull(inc.get(TipsaSchema.INCIDENT_CODE));
            history.add(new ChannelDetails.HistoryEntry(date(inc.get(TipsaSchema.REGISTERED_AT), zone), code,
                    "Incidencia " + code + (blankToNull(inc.get(TipsaSchema.NOTES)) == null ? "" : ": " + inc.get(TipsaSchema.NOTES))));
        }
        for (Map<String, String> a : actions) {
            history.add(new ChannelDetails.HistoryEntry(date(a.get(TipsaSchema.REGISTERED_AT), zone), a.get(TipsaSchema.ACTION_CODE),
                    "Actuación: " + nonNull(a.get(TipsaSchema.ACTION_NAME))));
        }
        history.sort(Comparator.comparing(ChannelDetails.HistoryEntry::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        return history;
    }

    private static String address(Map<String, String> shipment) {
        List<String> parts = new ArrayList<>();
        for (String field : new String[] {TipsaSchema.RECIPIENT_ADDRESS, TipsaSchema.RECIPIENT_NUMBER,
                TipsaSchema.RECIPIENT_POSTCODE, TipsaSchema.RECIPIENT_TOWN}) {
            String value = blankToNull(shipment.get(field));
            if (value != null) {
                parts.add(value);
            }
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static Instant latest(Instant opened, List<IncidentMessage> messages) {
        Instant latest = opened;
        for (IncidentMessage m : messages) {
            if (m.sentAt() != null && (latest == null || m.sentAt().isAfter(latest))) {
                latest = m.sentAt();
            }
        }
        return latest;
    }

    static Instant date(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.trim(), DATE).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new NormalizationException("date '" + text + "' is not MM/dd/yyyy HH:mm:ss", e);
        }
    }

    private static Integer integer(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Map<String, String> strings(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        node.properties().forEach(e -> values.put(e.getKey(), e.getValue().asString("")));
        return values;
    }

    private static List<Map<String, String>> list(JsonNode array) {
        List<Map<String, String>> rows = new ArrayList<>();
        array.forEach(n -> rows.add(strings(n)));
        return rows;
    }

    private static String required(Map<String, String> row, String name, String element) {
        String value = blankToNull(row.get(name));
        if (value == null) {
            throw new NormalizationException("the incident's " + element + " has no " + name, null);
        }
        return value;
    }

    private static void put(Map<String, String> attributes, String key, String value) {
        if (value != null && !value.isBlank()) {
            attributes.put(key, value.trim());
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
