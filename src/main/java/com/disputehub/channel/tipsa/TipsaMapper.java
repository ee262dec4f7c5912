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
import com.disputehub.channel.ReasonClassifier;
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
 * One Tipsa incident, with its shipment's incidents and status history, to the common model (DOMAIN C1, C2).
 *
 * <p>Statuses: a delivered shipment or a solved incident is RESOLVED (green); a returned or destroyed one
 * CLOSED; after the seller's solution it is DECISION_SENT, flagged NEEDS_REVIEW once Tipsa answered (yellow);
 * otherwise the seller must act (red), with FIRST_ABSENCE when the customer was absent at the first attempt.
 */
final class TipsaMapper {

    /** Tipsa's dates, {@code m/d/Y H:i:s}, in the agency's local time. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("M/d/yyyy H:mm:ss");

    private TipsaMapper() {
    }

    static IncidentSnapshot normalize(ChannelAccount account, String json, JsonNode record) {
        ZoneId zone = ZoneId.of(account.option("time-zone").orElse("Europe/Madrid"));
        Map<String, String> row = strings(record.path("incidencia"));
        String id = required(row, TipsaSchema.INCIDENT_ID);
        String key = TipsaAdapter.externalId(required(row, TipsaSchema.CARGO_AGENCY), required(row, TipsaSchema.ORIGIN_AGENCY),
                required(row, TipsaSchema.WAYBILL), id);
        String code = row.get(TipsaSchema.INCIDENT_CODE);
        String type = row.get(TipsaSchema.INCIDENT_TYPE);
        String why = row.get(TipsaSchema.REASON);
        ReasonCategory category = ReasonClassifier.classify(account, code, type);
        if (category == ReasonCategory.OTHER) {
            category = ReasonClassifier.classify(why);
        }
        Integer attempt = integer(row.get(TipsaSchema.ATTEMPT));
        List<Map<String, String>> states = list(record.path("estados"));
        String lastState = states.isEmpty() ? null : states.get(states.size() - 1).get(TipsaSchema.STATE_CODE);

        String solution = blankToNull(row.get(TipsaSchema.SOLUTION));
        String answer = blankToNull(row.get(TipsaSchema.ANSWER));
        List<String> flags = new ArrayList<>();
        IncidentStatus status;
        ActionOwner owner;
        if (TipsaSchema.DELIVERED.equals(lastState) || "1".equals(row.get(TipsaSchema.SOLVED))) {
            status = IncidentStatus.RESOLVED;
            owner = ActionOwner.NOBODY;
        } else if (TipsaSchema.RETURNED.equals(lastState) || TipsaSchema.DESTROYED.equals(lastState)) {
            status = IncidentStatus.CLOSED;
            owner = ActionOwner.NOBODY;
        } else if (answer != null) {
            status = IncidentStatus.DECISION_SENT;
            owner = ActionOwner.SELLER;
            flags.add(IncidentView.NEEDS_REVIEW);
        } else if (solution != null) {
            status = IncidentStatus.DECISION_SENT;
            owner = ActionOwner.CARRIER_OR_SUPPLIER;
        } else {
            status = IncidentStatus.NEEDS_SELLER_ACTION;
            owner = ActionOwner.SELLER;
            if (category == ReasonCategory.RECIPIENT_ABSENT && Integer.valueOf(1).equals(attempt)) {
                flags.add(IncidentView.FIRST_ABSENCE_FLAG);
            }
        }
        String rawStatus = (lastState == null ? "?" : lastState + " " + TipsaSchema.STATES.getOrDefault(lastState, ""))
                .trim() + (solution == null ? "" : answer == null ? " · solución enviada" : " · respuesta de Tipsa");

        Map<String, String> attributes = new LinkedHashMap<>();
        put(attributes, CarrierFields.STATUS_CODE, code);
        put(attributes, CarrierFields.INCIDENT_TYPE, type);
        put(attributes, CarrierFields.REASON, why);
        put(attributes, CarrierFields.NOTES, row.get(TipsaSchema.NOTES));
        put(attributes, CarrierFields.DISTANCE_KM, row.get(TipsaSchema.DISTANCE_KM));
        put(attributes, CarrierFields.ATTEMPT, attempt == null ? null : attempt.toString());
        put(attributes, CarrierFields.SHIPMENT, row.get(TipsaSchema.WAYBILL));
        put(attributes, CarrierFields.SOLUTION_SENT, solution);
        put(attributes, CarrierFields.CARRIER_ANSWER, answer);

        List<IncidentMessage> messages = new ArrayList<>();
        if (solution != null) {
            messages.add(new IncidentMessage(key + "/solution", key, null, PartyRole.SELLER, null, List.of(PartyRole.CARRIER),
                    solution, date(row.get(TipsaSchema.SOLUTION_AT), zone)));
        }
        if (answer != null) {
            messages.add(new IncidentMessage(key + "/answer", key, null, PartyRole.CARRIER, "Tipsa", List.of(PartyRole.SELLER),
                    answer, date(row.get(TipsaSchema.ANSWER_AT), zone)));
        }
        Instant opened = date(row.get(TipsaSchema.REGISTERED_AT), zone);
        return IncidentSnapshot.builder(IncidentKind.CARRIER_INCIDENT, key)
                .order(blankToNull(row.get(TipsaSchema.REFERENCE)), List.of())
                .buyerName(blankToNull(row.get(TipsaSchema.RECIPIENT)))
                .reason(new Reason(category, code, type))
                .status(status, rawStatus, owner)
                .openedAt(opened)
                .channelUpdatedAt(latest(opened, messages))
                .messages(messages)
                .flags(flags)
                .details(new ChannelDetails(attributes, history(record, zone)))
                .rawPayload(json)
                .build();
    }

    /** The shipment's states and incidents, oldest first, in Tipsa's words. */
    private static List<ChannelDetails.HistoryEntry> history(JsonNode record, ZoneId zone) {
        List<ChannelDetails.HistoryEntry> history = new ArrayList<>();
        for (Map<String, String> state : list(record.path("estados"))) {
            String code = state.get(TipsaSchema.STATE_CODE);
            history.add(new ChannelDetails.HistoryEntry(date(state.get(TipsaSchema.REGISTERED_AT), zone), code,
                    TipsaSchema.STATES.getOrDefault(code, "Estado " + code)));
        }
        for (Map<String, String> incident : list(record.path("incidencias"))) {
            String text = "Incidencia " + nonNull(incident.get(TipsaSchema.INCIDENT_CODE)) + ": "
                    + nonNull(incident.get(TipsaSchema.INCIDENT_TYPE))
                    + (blankToNull(incident.get(TipsaSchema.NOTES)) == null ? "" : " (" + incident.get(TipsaSchema.NOTES) + ")");
            history.add(new ChannelDetails.HistoryEntry(date(incident.get(TipsaSchema.REGISTERED_AT), zone),
                    incident.get(TipsaSchema.INCIDENT_CODE), text));
        }
        history.sort(Comparator.comparing(ChannelDetails.HistoryEntry::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        return history;
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
            throw new NormalizationException("date '" + text + "' is not m/d/Y H:i:s", e);
        }
    }

    private static Integer integer(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new NormalizationException(TipsaSchema.ATTEMPT + " '" + text + "' is not a number", e);
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

    private static String required(Map<String, String> row, String name) {
        String value = blankToNull(row.get(name));
        if (value == null) {
            throw new NormalizationException("the incident has no " + name, null);
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
