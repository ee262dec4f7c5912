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

    /** The language it answers in for {@code language}: that one, else English, else the first language written. */
    public String languageFor(String language) {
        if (language != null && texts.containsKey(language)) {
            return language;
        }
        return texts.containsKey("en") ? "en" : texts.keySet().iterator().next();
    }

    /** The texts in {@link #languageFor the language it answers in}. */
    public Map<String, String> textsIn(String language) {
        return texts.get(languageFor(language));
    }
}
