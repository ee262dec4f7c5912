package com.disputehub.web;

import java.time.Instant;

import com.disputehub.incident.Incident;
import com.disputehub.incident.IncidentView;
import com.disputehub.incident.Money;

/** One incident in the list: the incident, its tab and colour, the amount at stake and, while open, its deadline. */
record IncidentRow(Incident incident, IncidentView view, String tone, Money amount, Countdown countdown) {

    static IncidentRow of(Incident i, Instant now) {
        return new IncidentRow(i, IncidentView.of(i), IncidentView.tone(i),
                i.requestedRefund() != null ? i.requestedRefund() : i.productValue(),
                i.status().isOpen() ? Countdown.of(i.respondBy(), now) : null);
    }
}
