package com.disputehub.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.disputehub.incident.Incident;
import com.disputehub.incident.IncidentView;
import com.disputehub.incident.Money;
import com.disputehub.incident.WorkState;
import com.disputehub.incident.WorkStates;

/**
 * One incident in the list: the incident, its tab and colour, the amount at stake, while open its deadline, and the
 * seller's work on it (owner, pin, snooze).
 */
record IncidentRow(Incident incident, IncidentView view, String tone, Money amount, Countdown countdown, WorkState work,
                   boolean snoozed) {

    static IncidentRow of(Incident i, WorkState work, Instant now) {
        return new IncidentRow(i, IncidentView.of(i), IncidentView.tone(i),
                i.requestedRefund() != null ? i.requestedRefund() : i.productValue(),
                i.status().isOpen() ? Countdown.of(i.respondBy(), now) : null, work, work.snoozed(now));
    }

    /** A page of rows, their work read in one query. */
    static List<IncidentRow> of(List<Incident> incidents, WorkStates states, Instant now) {
        Map<UUID, WorkState> work = states.of(incidents.stream().map(Incident::id).toList());
        return incidents.stream().map(i -> of(i, work.getOrDefault(i.id(), WorkState.NONE), now)).toList();
    }
}
