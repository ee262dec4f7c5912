package com.disputehub.reply;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.disputehub.channel.command.DecisionType;

/**
 * A saved reply: its name, the channel it is for (null: any), the decision it fills, and its texts by language
 * ({@code es} → {@code body} → "Hola {buyerName}, …"), each holding the bulk answers' placeholders.
 */
public record ReplyTemplate(UUID id, String name, String channel, DecisionType type,
                            Map<String, Map<String, String>> texts, String updatedBy, Instant updatedAt) {

    /** The texts in {@code language}, else in English, else in the first language written. */
    public Map<String, String> textsIn(String language) {
        if (language != null && texts.containsKey(language)) {
            return texts.get(language);
        }
        return texts.containsKey("en") ? texts.get("en") : texts.values().iterator().next();
    }
}
