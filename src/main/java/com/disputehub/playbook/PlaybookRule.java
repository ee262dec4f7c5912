package com.disputehub.playbook;

import java.time.Instant;
import java.util.Optional;

import com.disputehub.channel.support.BusinessCalendar;
import com.disputehub.incident.Incident;

/** One rule of a seed's playbook; the first rule that applies to an incident gives its suggestion. */
interface PlaybookRule {

    /** The name used in configuration ({@code options.playbook-auto}) and shown with suggestions. */
    String id();

    Optional<Suggestion> suggest(Incident incident, Instant now, BusinessCalendar calendar);
}
