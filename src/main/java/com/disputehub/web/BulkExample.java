package com.disputehub.web;

import java.util.LinkedHashMap;
import java.util.Map;

import com.disputehub.channel.command.DecisionCommand;
import com.disputehub.grouping.BulkItem;

import tools.jackson.databind.ObjectMapper;

/**
 * What one incident of a bulk answer gets, as its person will read it: the decision in words, and each text as it
 * will be sent, its placeholders filled (the bulk preview; never the command's JSON).
 */
record BulkExample(String reference, String accountId, String what, Map<String, String> texts) {

    static BulkExample of(BulkItem item, ObjectMapper json, Words words, IncidentNames names) {
        DecisionCommand command = json.treeToValue(item.command(), DecisionCommand.class);
        Map<String, String> texts = new LinkedHashMap<>();
        for (String field : command.textFields()) {
            String text = item.command().path(field).asString(null);
            if (text != null && !text.isBlank()) {
                texts.put(field, text);
            }
        }
        return new BulkExample(names.reference(item.externalId()), item.accountId(), words.say(command.words()), texts);
    }
}
