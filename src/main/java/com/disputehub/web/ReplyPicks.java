package com.disputehub.web;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.disputehub.channel.command.DecisionType;
import com.disputehub.incident.Incident;
import com.disputehub.reply.ReplyForIncident;
import com.disputehub.reply.ReplyTemplate;
import com.disputehub.reply.ReplyTemplates;

import tools.jackson.databind.ObjectMapper;

/**
 * Saved replies as a form's choice: each option carries the texts it puts in the form, by input name (page.js
 * fills them), for one incident in its buyer's language, or for a bulk answer in every language it has.
 */
@Component
class ReplyPicks {

    /** One choice: the template and its texts as JSON, {"f.body": "…"}. */
    record Pick(UUID id, String name, String fields) {
    }

    private final ReplyForIncident forIncident;
    private final ReplyTemplates templates;
    private final ObjectMapper json;

    ReplyPicks(ReplyForIncident forIncident, ReplyTemplates templates, ObjectMapper json) {
        this.forIncident = forIncident;
        this.templates = templates;
        this.json = json;
    }

    /** For each of the incident's decisions, its templates with their placeholders filled. */
    Map<DecisionType, List<Pick>> forIncident(Incident incident, List<DecisionType> types) {
        Map<DecisionType, List<Pick>> picks = new EnumMap<>(DecisionType.class);
        for (DecisionType type : types) {
            picks.put(type, forIncident.of(incident, type).stream().map(r -> {
                Map<String, String> fields = new LinkedHashMap<>();
                r.texts().forEach((field, text) -> fields.put("f." + field, text));
                return new Pick(r.id(), r.name(), json.writeValueAsString(fields));
            }).toList());
        }
        return picks;
    }

    /** A bulk answer's templates: the main texts (English, or the first language) and one translation per language. */
    List<Pick> forBulk(DecisionType type) {
        return templates.list(type, null).stream().map(t -> new Pick(t.id(), t.name(), json.writeValueAsString(bulkFields(t))))
                .toList();
    }

    private static Map<String, String> bulkFields(ReplyTemplate t) {
        Map<String, String> fields = new LinkedHashMap<>();
        t.textsIn(null).forEach((field, text) -> fields.put("f." + field, text));
        t.texts().forEach((language, texts) -> texts.forEach((field, text) -> fields.put("tr." + language + "." + field, text)));
        return fields;
    }
}
