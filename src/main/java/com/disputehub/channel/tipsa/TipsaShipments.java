package com.disputehub.channel.tipsa;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.w3c.dom.Element;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.RawRecord;

/**
 * Reads Tipsa's answers into raw records: the incidents of a day ({@code ENV_INCIDENCIAS} with the shipment's
 * key, an {@code INC} and its {@code ACT}s), and for each shipment its data ({@code ConsEnvio}), all its incidents
 * and its status history. A record is the JSON of those elements' attributes, exactly as Tipsa sent them.
 */
@Component
class TipsaShipments {

    private final TipsaClient client;

    TipsaShipments(TipsaClient client) {
        this.client = client;
    }

    /** One incident as Tipsa lists it: the shipment's key, the INC's attributes and its actions' attributes. */
    record Incident(Map<String, String> key, Map<String, String> inc, List<Map<String, String>> actions) {

        String id() {
            return inc.getOrDefault(TipsaSchema.ID, "");
        }
    }

    /** A shipment: its data, its incidents with their actions, its status history. */
    record Shipment(Map<String, String> data, List<Incident> incidents, List<Map<String, String>> states) {

        Optional<Incident> incident(String id) {
            return incidents.stream().filter(i -> id != null && id.equals(i.id())).findFirst();
        }
    }

    /**
     * The day's incidents as records, each with its shipment read in full (once per shipment). A day whose document
     * is not well-formed XML is one record, kept as it came, for quarantine.
     */
    List<RawRecord> ofDay(ChannelAccount account, String day, String answer) {
        Element consulta;
        try {
            consulta = TipsaXml.consulta(answer);
        } catch (IllegalArgumentException e) {
            return List.of(new RawRecord("incidents of " + day, "text/xml", answer.getBytes(StandardCharsets.UTF_8)));
        }
        Map<String, Shipment> shipments = new LinkedHashMap<>();
        List<RawRecord> records = new ArrayList<>();
        for (Incident listed : incidents(consulta, Map.of())) {
            String cargo = listed.key().getOrDefault(TipsaSchema.CARGO_AGENCY, "");
            String origin = listed.key().getOrDefault(TipsaSchema.ORIGIN_AGENCY, "");
            String waybill = listed.key().getOrDefault(TipsaSchema.WAYBILL, "");
            if (cargo.isBlank() || origin.isBlank() || waybill.isBlank() || listed.id().isBlank()) {
                records.add(record(listed, null));
                continue;
            }
            Shipment shipment = shipments.computeIfAbsent(cargo + "/" + origin + "/" + waybill,
                    k -> shipment(account, cargo, origin, waybill));
            records.add(record(shipment.incident(listed.id()).orElse(listed), shipment));
        }
        return records;
    }

    /** A shipment read in full: ConsEnvio, ConsEnvIncidencias and ConsEnvEstados. */
    Shipment shipment(ChannelAccount account, String cargo, String origin, String waybill) {
        Map<String, String> key = new LinkedHashMap<>();
        key.put("strCodAgeCargo", cargo);
        key.put("strCodAgeOri", origin);
        key.put("strAlbaran", waybill);
        Map<String, String> keyAttributes = Map.of(TipsaSchema.CARGO_AGENCY, cargo, TipsaSchema.ORIGIN_AGENCY, origin,
                TipsaSchema.WAYBILL, waybill);
        Element data = TipsaXml.consulta(value(client.call(account, "shipment " + waybill, TipsaSchema.SHIPMENT, key, true)));
        Element incidents = TipsaXml.consulta(value(client.call(account, "incidents of shipment " + waybill,
                TipsaSchema.INCIDENTS_OF_SHIPMENT, key, true)));
        Element states = TipsaXml.consulta(value(client.call(account, "history of shipment " + waybill,
                TipsaSchema.STATES_OF_SHIPMENT, key, true)));
        List<Element> rows = TipsaXml.children(data, TipsaSchema.SHIPMENT_ROW);
        return new Shipment(rows.isEmpty() ? Map.of() : TipsaXml.attributes(rows.get(0)), incidents(incidents, keyAttributes),
                TipsaXml.children(states, TipsaSchema.STATE_ROW).stream().map(TipsaXml::attributes).toList());
    }

    /**
     * The incidents of a CONSULTA: every INC of every ENV_INCIDENCIAS, with the ENV_INCIDENCIAS's actions, and the
     * shipment's key from the element itself (the day's query) or, when it has none, {@code key}.
     */
    static List<Incident> incidents(Element consulta, Map<String, String> key) {
        List<Incident> incidents = new ArrayList<>();
        for (Element group : TipsaXml.children(consulta, TipsaSchema.INCIDENT_GROUP)) {
            Map<String, String> groupKey = new LinkedHashMap<>(key);
            TipsaXml.attributes(group).forEach(groupKey::put);
            List<Map<String, String>> actions = TipsaXml.children(group, TipsaSchema.ACTION).stream().map(TipsaXml::attributes).toList();
            List<Element> inc = TipsaXml.children(group, TipsaSchema.INCIDENT);
            if (inc.isEmpty()) {
                incidents.add(new Incident(groupKey, Map.of(), actions));
            }
            inc.forEach(i -> incidents.add(new Incident(groupKey, TipsaXml.attributes(i), actions)));
        }
        return incidents;
    }

    static RawRecord record(Incident incident, Shipment shipment) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("clave", incident.key());
        doc.put("incidencia", group(incident));
        if (shipment != null) {
            doc.put("envio", shipment.data());
            doc.put("incidencias", shipment.incidents().stream().map(TipsaShipments::group).toList());
            doc.put("estados", shipment.states());
        }
        String ref = "incident " + (incident.id().isBlank() ? "?" : incident.id()) + " of shipment "
                + incident.key().getOrDefault(TipsaSchema.WAYBILL, "?");
        return RawRecord.json(ref, TipsaAdapter.JSON.writeValueAsString(doc));
    }

    /** An incident as its ENV_INCIDENCIAS holds it, in a stable order: the INC, then its ACTs. */
    private static Map<String, Object> group(Incident incident) {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("INC", incident.inc());
        group.put("ACT", incident.actions());
        return group;
    }

    /** The CONSULTA document Tipsa returns as the response's (only) text value. */
    static String value(Map<String, String> answer) {
        return answer.values().stream().filter(v -> v != null && v.contains("CONSULTA")).findFirst().orElse("");
    }
}
