package com.disputehub.sandbox.tipsa;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The simulated Tipsa agency: shipments of a Spanish dropshipping shop with delivery incidents, in the seed's
 * words (absent customer, goods not accepted, wrong address). A {@link #tick()} answers a solution the seller
 * sent, delivers a shipment whose solution was answered, or registers a new incident. Some shipments carry the
 * order references of the simulated Mirakl shop, so that both incidents of one order meet in DisputeHub.
 */
class TsSimWorld {

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss").withZone(MADRID);

    private static final String[][] KINDS = {
            {"AUS", "Destinatario ausente", "Cliente ausente en la entrega", "Se deja aviso en buzón"},
            {"NAM", "Mercancía no aceptada", "Pedido anulado / rehusado", "El cliente dice que no ha hecho el pedido"},
            {"DIR", "Dirección incorrecta", "Falta número de piso", "Portal sin número visible"},
            {"CER", "Local cerrado", "Comercio cerrado en horario de reparto", "Volver por la tarde"}};
    private static final String[] NAMES = {"Lucía Fernández", "Javier Moreno", "Carmen Ruiz", "Pablo Gómez", "Elena Navarro"};

    final Map<String, Shipment> shipments = new LinkedHashMap<>();
    private final Clock clock;
    private final Random random;
    private int next = 1;

    TsSimWorld(Clock clock, long seed, int initialIncidents) {
        this.clock = clock;
        this.random = new Random(seed);
        Instant dayStart = clock.instant().truncatedTo(ChronoUnit.DAYS);
        for (int i = 0; i < initialIncidents; i++) {
            register(dayStart.minus(Duration.ofMinutes(60L + random.nextInt(60 * 24 * 5))), i == 0 ? 0 : i % 4);
        }
    }

    synchronized List<Incident> incidentsOn(java.time.LocalDate day) {
        List<Incident> found = new ArrayList<>();
        for (Shipment s : shipments.values()) {
            for (Incident inc : s.incidents) {
                if (inc.at.atZone(MADRID).toLocalDate().equals(day)) {
                    found.add(inc);
                }
            }
        }
        return found;
    }

    synchronized Optional<Shipment> shipment(String cargo, String origin, String waybill) {
        Shipment s = shipments.get(waybill);
        return s != null && s.cargo.equals(cargo) && s.origin.equals(origin) ? Optional.of(s) : Optional.empty();
    }

    /** The seller's solution; Tipsa's error 9 when the incident does not exist. */
    synchronized boolean solve(String cargo, String origin, String waybill, String incidentId, String text) {
        Optional<Incident> incident = shipment(cargo, origin, waybill)
                .flatMap(s -> s.incidents.stream().filter(i -> i.id.equals(incidentId)).findFirst());
        if (incident.isEmpty()) {
            return false;
        }
        incident.get().solution = text;
        incident.get().solutionAt = now();
        incident.get().answer = null;
        return true;
    }

    synchronized void tick() {
        Instant now = now();
        for (Shipment s : shipments.values()) {
            for (Incident i : s.incidents) {
                if (i.solution != null && i.answer == null) {
                    i.answer = "Concertada nueva entrega según su indicación";
                    i.answerAt = now;
                    return;
                }
            }
        }
        for (Shipment s : shipments.values()) {
            Incident last = s.incidents.get(s.incidents.size() - 1);
            if (last.answer != null && !last.solved) {
                last.solved = true;
                s.states.add(new State("3", now));
                return;
            }
        }
        register(now, random.nextInt(KINDS.length));
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private void register(Instant at, int kind) {
        Shipment s = new Shipment();
        s.cargo = "000001";
        s.origin = "000001";
        s.waybill = String.format("%014d", 80000000L + next);
        s.reference = next <= 6 ? String.format("ES-%06d-A", 204000 + next) : String.format("PED-%05d", 31000 + next);
        s.recipient = NAMES[random.nextInt(NAMES.length)];
        s.distanceKm = String.valueOf(2 + random.nextInt(40)) + "." + random.nextInt(10);
        s.states.add(new State("0", at.minus(Duration.ofDays(2))));
        s.states.add(new State("1", at.minus(Duration.ofDays(1))));
        s.states.add(new State("2", at.minus(Duration.ofHours(3))));
        s.states.add(new State("4", at));
        Incident i = new Incident();
        i.shipment = s;
        i.id = String.valueOf(500 + next);
        String[] k = KINDS[kind];
        i.code = k[0];
        i.type = k[1];
        i.reason = k[2];
        i.notes = k[3];
        i.attempt = kind == 0 && next % 3 != 0 ? 1 : 2;
        i.at = at;
        s.incidents.add(i);
        shipments.put(s.waybill, s);
        next++;
    }

    static final class Shipment {
        String cargo;
        String origin;
        String waybill;
        String reference;
        String recipient;
        String distanceKm;
        final List<State> states = new ArrayList<>();
        final List<Incident> incidents = new ArrayList<>();
    }

    static final class Incident {
        Shipment shipment;
        String id;
        String code;
        String type;
        String reason;
        String notes;
        int attempt;
        Instant at;
        String solution;
        Instant solutionAt;
        String answer;
        Instant answerAt;
        boolean solved;
    }

    record State(String code, Instant at) {
    }
}
