package com.disputehub.channel.tipsa;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.disputehub.channel.Capabilities;
import com.disputehub.channel.Capabilities.DecisionSpec;
import com.disputehub.channel.Capabilities.FieldSpec;
import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ChannelAdapter;
import com.disputehub.channel.DecisionCommand;
import com.disputehub.channel.DecisionTarget;
import com.disputehub.channel.DecisionType;
import com.disputehub.channel.FetchResult;
import com.disputehub.channel.NormalizationException;
import com.disputehub.channel.ProvideSolution;
import com.disputehub.channel.PushResult;
import com.disputehub.channel.RawRecord;
import com.disputehub.channel.Reconciliation;
import com.disputehub.channel.RecordContactAttempt;
import com.disputehub.incident.IncidentSnapshot;
import com.disputehub.incident.IncidentStatus;
import com.disputehub.incident.OpenIncidentRef;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivery incidents of the Spanish carrier Tipsa (DOMAIN C1..C4), through Dinapaq's SOAP web services.
 *
 * <p>Sync reads the incidents registered on each day ({@code ConsEnvIncidenciasFecha}), from
 * {@code options.lookback-days} (7) ago up to today in the agency's time zone, then today again on every poll;
 * for each incident it reads the shipment's incidents and status history. A raw record is a JSON document of
 * the rows' attributes as Tipsa sent them. A row that is not XML is kept as it came and quarantined.
 */
@Component
class TipsaAdapter implements ChannelAdapter {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final int DEFAULT_SOLUTION_MAX = 250;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final TipsaClient client;
    private final Clock clock;

    TipsaAdapter(TipsaClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    @Override
    public String channelType() {
        return "tipsa";
    }

    @Override
    public String version() {
        return "tipsa-1";
    }

    /** The cursor is the next day to read (ISO date); today is read again until a new day starts. */
    @Override
    public FetchResult fetchChanges(ChannelAccount account, String cursor) {
        LocalDate today = LocalDate.now(clock.withZone(zone(account)));
        LocalDate day = cursor == null
                ? today.minusDays(Long.parseLong(account.option("lookback-days").orElse("7")))
                : LocalDate.parse(cursor);
        if (day.isAfter(today)) {
            day = today;
        }
        Map<String, String> answer = client.call(account, "incidents of " + day, TipsaSchema.INCIDENTS_OF_DAY,
                Map.of("dtFecha", day.format(DAY)), true);
        Map<String, Shipment> shipments = new LinkedHashMap<>();
        List<RawRecord> records = new ArrayList<>();
        for (String row : TipsaXml.rows(consulta(answer), TipsaSchema.INCIDENT_ROW)) {
            Map<String, String> attributes;
            try {
                attributes = TipsaXml.attributes(row);
            } catch (IllegalArgumentException e) {
                records.add(new RawRecord("incident row of " + day, "text/xml", row.getBytes(StandardCharsets.UTF_8)));
                continue;
            }
            String cargo = attributes.getOrDefault(TipsaSchema.CARGO_AGENCY, "");
            String origin = attributes.getOrDefault(TipsaSchema.ORIGIN_AGENCY, "");
            String waybill = attributes.getOrDefault(TipsaSchema.WAYBILL, "");
            if (cargo.isBlank() || origin.isBlank() || waybill.isBlank()) {
                records.add(record(attributes, List.of(), List.of()));
                continue;
            }
            Shipment shipment = shipments.computeIfAbsent(cargo + "/" + origin + "/" + waybill,
                    k -> shipment(account, cargo, origin, waybill));
            records.add(record(fresher(attributes, shipment), shipment.incidents(), shipment.states()));
        }
        boolean more = day.isBefore(today);
        return new FetchResult(records, (more ? day.plusDays(1) : day).toString(), more);
    }

    @Override
    public List<RawRecord> reread(ChannelAccount account, List<OpenIncidentRef> openIncidents) {
        Map<String, List<String[]>> byShipment = new LinkedHashMap<>();
        for (OpenIncidentRef ref : openIncidents) {
            String[] key = ref.externalId().split("/");
            if (key.length == 4) {
                byShipment.computeIfAbsent(key[0] + "/" + key[1] + "/" + key[2], k -> new ArrayList<>()).add(key);
            }
        }
        List<RawRecord> records = new ArrayList<>();
        byShipment.forEach((k, keys) -> {
            Shipment shipment = shipment(account, keys.get(0)[0], keys.get(0)[1], keys.get(0)[2]);
            for (String[] key : keys) {
                shipment.incident(key[3]).ifPresent(row -> records.add(record(row, shipment.incidents(), shipment.states())));
            }
        });
        return records;
    }

    @Override
    public List<IncidentSnapshot> normalize(ChannelAccount account, RawRecord record) {
        if (!record.contentType().contains("json")) {
            throw new NormalizationException("the incident row is not well-formed XML: " + record.text(), null);
        }
        JsonNode node;
        try {
            node = JSON.readTree(record.text());
        } catch (JacksonException e) {
            throw new NormalizationException("the record is not JSON: " + e.getOriginalMessage(), e);
        }
        return List.of(TipsaMapper.normalize(account, record.text(), node));
    }

    /** C3 and C4 while the seller must act; a new solution also after Tipsa answered one. */
    @Override
    public Capabilities capabilities(ChannelAccount account) {
        return new Capabilities(List.of(
                new DecisionSpec(DecisionType.CONTACT_ATTEMPT,
                        "Manage with the customer: you could not reach them; the incident stays pending and nothing is sent",
                        Set.of(IncidentStatus.NEEDS_SELLER_ACTION),
                        List.of(FieldSpec.optional("note", "When and how you tried"))),
                new DecisionSpec(DecisionType.PROVIDE_SOLUTION,
                        "Provide a solution: the redelivery agreed with the customer, short and specific",
                        Set.of(IncidentStatus.NEEDS_SELLER_ACTION, IncidentStatus.DECISION_SENT),
                        List.of(FieldSpec.required("text", "At most " + solutionMax(account) + " characters")))),
                List.of(new Capabilities.Elsewhere(Set.of(DecisionType.REFUND, DecisionType.SEND_REPLACEMENT,
                        DecisionType.REQUEST_REISSUE, DecisionType.AGREE),
                        "Tipsa is the carrier: refunds and replacements are not handled here. Ask the supplier (a "
                                + "supplier channel's REFUND or REQUEST_REISSUE) or answer the buyer on the marketplace "
                                + "incident of the same order (listed under 'related').")));
    }

    @Override
    public List<String> validate(ChannelAccount account, DecisionTarget target, DecisionCommand command) {
        if (command instanceof ProvideSolution solution && solution.text() != null
                && solution.text().length() > solutionMax(account)) {
            return List.of("the solution is " + solution.text().length() + " characters; Tipsa takes at most "
                    + solutionMax(account) + ": keep it short and specific");
        }
        return List.of();
    }

    @Override
    public PushResult push(ChannelAccount account, DecisionTarget target, DecisionCommand command, String idempotencyKey) {
        if (command instanceof RecordContactAttempt) {
            return PushResult.recorded(null, null, "Contact attempt recorded; nothing was sent to Tipsa and the incident "
                    + "stays pending: try the customer again");
        }
        ProvideSolution solution = (ProvideSolution) command;
        String[] key = target.externalId().split("/");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("strCodAgeCargo", key[0]);
        params.put("strCodAgeOri", key[1]);
        params.put("strAlbaran", key[2]);
        params.put("intIdEnvInc", key[3]);
        Optional<String> actionCode = account.option("action-code");
        if (actionCode.isPresent()) {
            params.put("strCodTipoActu", actionCode.get());
            params.put("strTexto", solution.text());
            params.put("strTipo", "AGE");
            client.call(account, "solution", TipsaSchema.CODED_ACTION, params, false);
        } else {
            params.put("strTexto", solution.text());
            client.call(account, "solution", TipsaSchema.FREE_ACTION, params, false);
        }
        return new PushResult(IncidentStatus.DECISION_SENT, null, "Solution sent to Tipsa; waiting for the carrier");
    }

    /** A solution shows on the incident as the text Tipsa recorded; a contact attempt was never sent. */
    @Override
    public Reconciliation reconcile(ChannelAccount account, DecisionTarget target, DecisionCommand command, String idempotencyKey, Instant sentSince) {
        if (!(command instanceof ProvideSolution solution)) {
            return Reconciliation.notApplied();
        }
        String[] key = target.externalId().split("/");
        Optional<Map<String, String>> row = shipment(account, key[0], key[1], key[2]).incident(key[3]);
        if (row.isEmpty()) {
            return Reconciliation.unknown();
        }
        String recorded = row.get().getOrDefault(TipsaSchema.SOLUTION, "").trim();
        return recorded.equals(solution.text())
                ? Reconciliation.applied(new PushResult(IncidentStatus.DECISION_SENT, null, "Solution found on Tipsa's incident"))
                : Reconciliation.notApplied();
    }

    static String externalId(String cargo, String origin, String waybill, String incidentId) {
        return cargo + "/" + origin + "/" + waybill + "/" + incidentId;
    }

    private Shipment shipment(ChannelAccount account, String cargo, String origin, String waybill) {
        Map<String, String> key = new LinkedHashMap<>();
        key.put("strCodAgeCargo", cargo);
        key.put("strCodAgeOri", origin);
        key.put("strAlbaran", waybill);
        List<Map<String, String>> incidents = rows(client.call(account, "incidents of shipment " + waybill,
                TipsaSchema.INCIDENTS_OF_SHIPMENT, key, true), TipsaSchema.INCIDENT_ROW);
        List<Map<String, String>> states = rows(client.call(account, "history of shipment " + waybill,
                TipsaSchema.STATES_OF_SHIPMENT, key, true), TipsaSchema.STATE_ROW);
        return new Shipment(incidents, states);
    }

    /** The shipment's version of the row, which carries the latest solution and answer; the day's row otherwise. */
    private static Map<String, String> fresher(Map<String, String> dayRow, Shipment shipment) {
        return shipment.incident(dayRow.get(TipsaSchema.INCIDENT_ID)).orElse(dayRow);
    }

    /** Rows that are not XML are left out here: the day's list, read separately, quarantines them. */
    private static List<Map<String, String>> rows(Map<String, String> answer, String name) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (String row : TipsaXml.rows(consulta(answer), name)) {
            try {
                rows.add(TipsaXml.attributes(row));
            } catch (IllegalArgumentException e) {
                // kept out: a shipment's history is context, and its own incident row is quarantined from the day's list
            }
        }
        return rows;
    }

    /** The escaped CONSULTA document Tipsa returns as the response's (only) text value. */
    private static String consulta(Map<String, String> answer) {
        return answer.values().stream().filter(v -> v != null && v.contains("CONSULTA")).findFirst().orElse("");
    }

    private static RawRecord record(Map<String, String> incident, List<Map<String, String>> incidents,
                                    List<Map<String, String>> states) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("incidencia", incident);
        doc.put("incidencias", incidents);
        doc.put("estados", states);
        String ref = "incident " + incident.getOrDefault(TipsaSchema.INCIDENT_ID, "?") + " of shipment "
                + incident.getOrDefault(TipsaSchema.WAYBILL, "?");
        return RawRecord.json(ref, JSON.writeValueAsString(doc));
    }

    private static ZoneId zone(ChannelAccount account) {
        return ZoneId.of(account.option("time-zone").orElse("Europe/Madrid"));
    }

    private static int solutionMax(ChannelAccount account) {
        return Integer.parseInt(account.option("solution-max-length").orElse(String.valueOf(DEFAULT_SOLUTION_MAX)));
    }

    /** One shipment's incident rows and status history. */
    private record Shipment(List<Map<String, String>> incidents, List<Map<String, String>> states) {

        Optional<Map<String, String>> incident(String id) {
            return incidents.stream().filter(r -> id != null && id.equals(r.get(TipsaSchema.INCIDENT_ID))).findFirst();
        }
    }
}
