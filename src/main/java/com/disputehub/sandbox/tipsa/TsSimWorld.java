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
 * The simulated Tipsa agency: shipments of a Spanish dropshipping shop with delivery incidents, shaped as TIPSA's
 * published answers are (an incident with the actions taken on it; the customer's data on the shipment). A
 * {@link #tick()} answers a solution the seller sent, delivers a shipment whose solution was answered, or registers
 * a new incident. Some shipments carry the order references of the simulated Mirakl shop, so that both incidents
 * of one order meet in DisputeHub.
 */
class TsSimWorld {

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss").withZone(MADRID);
    /** The agency user and the agency that record incidents and answers. */
    static final String AGENCY_USER = "99912";
    static final String AGENCY = "000001";

    /** Incident codes of TIPSA's examples (AS, FL) and of the seed (NAM), with notes in the carrier's words. */
    private static final String[][] KINDS = {
            {"AS", "Destinatario ausente. Se deja aviso en buzón"},
            {"NAM", "Mercancía no aceptada: pedido anulado / rehusado por el cliente"},
            {"FL", "Festivo local, se entregará el próximo día laborable"},
            {"AS", "Cliente ausente en la entrega, no contesta al teléfono"}};
    private static final String[] NAMES = {"Lucía Fernández", "Javier Moreno", "Carmen Ruiz", "Pablo Gómez", "Elena Navarro"};
    private static final String[] STREETS = {"Calle Mayor", "Avenida de América", "Calle Betis", "Paseo de Gracia"};

    final Map<String, Shipment> shipments = new LinkedHashMap<>();
    private final Clock clock;
    private final Random random;
    private final String client;
    private int next = 1;

    TsSimWorld(Clock clock, long seed, int initialIncidents, String client) {
        this.clock = clock;
        this.random = new Random(seed);
        this.client = client;
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

    /** The seller's free-text action; Tipsa's error 9 when the incident does not exist. */
    synchronized boolean solve(String cargo, String origin, String waybill, String incidentId, String text) {
        Optional<Incident> incident = shipment(cargo, origin, waybill)
                .flatMap(s -> s.incidents.stream().filter(i -> i.id.equals(incidentId)).findFirst());
        if (incident.isEmpty()) {
            return false;
        }
        incident.get().solution = text;
        incident.get().act("", "SOLUCIÓN APORTADA POR EL CLIENTE", now(), client);
        return true;
    }

    synchronized void tick() {
        Instant now = now();
        for (Shipment s : shipments.values()) {
            for (Incident i : s.incidents) {
                if (i.awaitingAnswer()) {
                    i.act("", "NUEVA ENTREGA CONCERTADA", now, "");
                    return;
                }
            }
        }
        for (Shipment s : shipments.values()) {
            Incident last = s.incidents.get(s.incidents.size() - 1);
            if (last.solution != null && !last.awaitingAnswer() && !last.resolved) {
                last.resolved = true;
                last.closedAt = now;
                s.states.add(new State("3", now));
                return;
            }
        }
        // not the last kind: its earlier absence would be dated yesterday, a day the connector has read already
        register(now, random.nextInt(KINDS.length - 1));
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private void register(Instant at, int kind) {
        Shipment s = new Shipment();
        s.cargo = AGENCY;
        s.origin = AGENCY;
        s.waybill = String.format("%010d", 80000000L + next);
        s.reference = next <= 6 ? String.format("ES-%06d-A", 204000 + next) : String.format("PED-%05d", 31000 + next);
        s.recipient = NAMES[random.nextInt(NAMES.length)];
        s.phone = "6" + (10000000 + random.nextInt(89999999));
        s.address = STREETS[random.nextInt(STREETS.length)] + " " + (1 + random.nextInt(120));
        s.postcode = String.format("%05d", 28001 + random.nextInt(40));
        s.town = "Madrid";
        s.states.add(new State("0", at.minus(Duration.ofDays(2))));
        s.states.add(new State("1", at.minus(Duration.ofDays(1))));
        s.states.add(new State("2", at.minus(Duration.ofHours(3))));
        if (kind == 3) {
            // a second absence: the first one was solved the day before
            Incident first = incident(s, "AS", "Destinatario ausente en el primer intento", at.minus(Duration.ofDays(1)));
            first.resolved = true;
            first.closedAt = at.minus(Duration.ofHours(20));
        }
        s.states.add(new State("4", at));
        incident(s, KINDS[kind][0], KINDS[kind][1], at);
        shipments.put(s.waybill, s);
        next++;
    }

    private static Incident incident(Shipment s, String code, String notes, Instant at) {
        Incident i = new Incident();
        i.shipment = s;
        i.id = String.valueOf(s.incidents.size() + 1);
        i.code = code;
        i.notes = notes;
        i.at = at;
        i.act("9999", "GENERACIÓN DE INCIDENCIA", at, "");
        s.incidents.add(i);
        return i;
    }

    static final class Shipment {
        String cargo;
        String origin;
        String waybill;
        String reference;
        String recipient;
        String phone;
        String address;
        String postcode;
        String town;
        final List<State> states = new ArrayList<>();
        final List<Incident> incidents = new ArrayList<>();
    }

    static final class Incident {
        Shipment shipment;
        String id;
        String code;
        String notes;
        Instant at;
        boolean resolved;
        Instant closedAt;
        /** The last text the seller sent, as the simulator received it (TIPSA's answers do not show it). */
        String solution;
        final List<Action> actions = new ArrayList<>();

        void act(String code, String name, Instant at, String client) {
            actions.add(new Action(String.valueOf(actions.size() + 1), code, name, at, client));
        }

        /** The seller's action is the last one: the agency has not answered it yet. */
        boolean awaitingAnswer() {
            return !actions.isEmpty() && !actions.get(actions.size() - 1).client().isEmpty();
        }
    }

    /** An action on an incident; {@code client} is the client code of a client's action, empty for the agency's. */
    record Action(String id, String code, String name, Instant at, String client) {
    }

    record State(String code, Instant at) {
    }
}
