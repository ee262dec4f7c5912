package com.disputehub.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.disputehub.incident.Incident;
import com.disputehub.incident.IncidentMessage;

/**
 * A conversation of the incident a reply can go to, named as a person knows it: its subject (else its first words),
 * how many messages, and who wrote last; never a thread id to type.
 */
record ThreadChoice(String id, String label) {

    private static final int WORDS = 40;

    static List<ThreadChoice> of(Incident incident) {
        Map<String, List<IncidentMessage>> threads = new LinkedHashMap<>();
        for (IncidentMessage m : incident.messages()) {
            if (m.threadId() != null && !m.threadId().isBlank()) {
                threads.computeIfAbsent(m.threadId(), t -> new ArrayList<>()).add(m);
            }
        }
        List<ThreadChoice> choices = new ArrayList<>();
        threads.forEach((id, messages) -> {
            IncidentMessage first = messages.get(0);
            IncidentMessage last = messages.get(messages.size() - 1);
            String name = first.subject() != null && !first.subject().isBlank() ? first.subject() : excerpt(first.body());
            choices.add(new ThreadChoice(id, "“" + name + "” · " + messages.size() + " · "
                    + (last.authorName() != null ? last.authorName() : last.author().name().toLowerCase())));
        });
        return choices;
    }

    private static String excerpt(String body) {
        String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return text.length() <= WORDS ? text : text.substring(0, WORDS) + "…";
    }
}
