package com.disputehub.channel.tipsa;

import java.time.Clock;
import java.time.Duration;
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

import com.disputehub.channel.Capabilities.DecisionSpec;
import com.disputehub.channel.Capabilities.FieldSpec;
import com.disputehub.channel.Capabilities;
import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ChannelAdapter;
import com.disputehub.channel.DecisionTarget;
import com.disputehub.channel.FetchResult;
import com.disputehub.channel.NormalizationException;
import com.disputehub.channel.OptionSpec;
import com.disputehub.channel.PushResult;
import com.disputehub.channel.RawRecord;
import com.disputehub.channel.Reconciliation;
import com.disputehub.channel.command.DecisionCommand;
import com.disputehub.channel.command.DecisionType;
import com.disputehub.channel.command.ProvideSolution;
import com.disputehub.channel.command.RecordContactAttempt;
import com.disputehub.incident.IncidentKind;
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
 * for each shipment it reads its data, all its incidents with their actions, and its status history
 * ({@link TipsaShipments}). A day whose document is not XML is kept as it came and quarantined.
 */
@Component
class TipsaAdapter implements ChannelAdapter {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final TipsaClient client;
    private final TipsaShipments shipments;
    private final Clock clock;

    TipsaAdapter(TipsaClient client, TipsaShipments shipments, Clock clock) {
        this.client = client;
        this.shipments = shipments;
        this.clock = clock;
    }

    @Override
    public String channelType() {
        return "tipsa";
    }

    @Override
    public List<OptionSpec> options() {
        return TipsaOptions.SPECS;
    }

    @Override
    public IncidentKind kind() {
        return IncidentKind.CARRIER_INCIDENT;
    }

    @Override
    public String version() {
        return "tipsa-2";
    }

    /** The cursor is the next day to read (ISO date); today is read again until a new day starts. */
    @Override
    public FetchResult fetchChanges(ChannelAccount account, String cursor) {
        LocalDate today = LocalDate.now(clock.withZone(zone(account)));
        LocalDate day = cursor == null
                ? today.minusDays(TipsaOptions.of(account).lookbackDays())
                : LocalDate.parse(cursor);
        if (day.isAfter(today)) {
            day = today;
        }
        Map<String, String> answer = client.call(account, "incidents of " + day, TipsaSchema.INCIDENTS_OF_DAY,
                Map.of("dtFecha", day.format(DAY)), true);
        List<RawRecord> records = shipments.ofDay(account, day.toString(), TipsaShipments.value(answer));
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
            TipsaShipments.Shipment shipment = shipments.shipment(account, keys.get(0)[0], keys.get(0)[1], keys.get(0)[2]);
            for (String[] key : keys) {
                shipment.incident(key[3]).ifPresent(incident -> records.add(TipsaShipments.record(incident, shipment)));
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
        params.put("strTexto", solution.text());
        client.call(account, "solution", TipsaSchema.FREE_ACTION, params, false);
        return new PushResult(IncidentStatus.DECISION_SENT, null, "Solution sent to Tipsa; waiting for the carrier");
    }

    /**
     * After a lost answer: an action this client recorded on the incident since the attempt means the solution
     * arrived (Tipsa does not echo the text); none means it did not. A contact attempt was never sent.
     */
    @Override
    public Reconciliation reconcile(ChannelAccount account, DecisionTarget target, DecisionCommand command, String idempotencyKey,
                                    Instant sentSince) {
        if (!(command instanceof ProvideSolution)) {
            return Reconciliation.notApplied();
        }
        String[] key = target.externalId().split("/");
        Optional<TipsaShipments.Incident> incident = shipments.shipment(account, key[0], key[1], key[2]).incident(key[3]);
        if (incident.isEmpty()) {
            return Reconciliation.unknown();
        }
        Instant after = sentSince.minus(Duration.ofMinutes(2));
        boolean ours = incident.get().actions().stream().anyMatch(a -> TipsaMapper.byAccount(account, a)
                && !TipsaMapper.date(a.get(TipsaSchema.REGISTERED_AT), zone(account)).isBefore(after));
        return ours ? Reconciliation.applied(new PushResult(IncidentStatus.DECISION_SENT, null,
                "An action of this client was recorded on Tipsa's incident since the attempt")) : Reconciliation.notApplied();
    }

    static String externalId(String cargo, String origin, String waybill, String incidentId) {
        return cargo + "/" + origin + "/" + waybill + "/" + incidentId;
    }

    private static ZoneId zone(ChannelAccount account) {
        return ZoneId.of(account.option("time-zone").orElse("Europe/Madrid"));
    }

    private static int solutionMax(ChannelAccount account) {
        return TipsaOptions.of(account).solutionMaxLength();
    }

}
