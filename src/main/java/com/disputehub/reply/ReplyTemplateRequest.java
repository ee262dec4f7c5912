package com.disputehub.reply;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.disputehub.channel.command.DecisionType;
import com.disputehub.grouping.DecisionTemplate;
import com.disputehub.incident.Texts;

/**
 * A saved reply as written (API body or page form), checked where it enters: a name, a known decision type whose
 * free-text fields it fills, languages as two-letter codes, known placeholders, bounded texts.
 */
public record ReplyTemplateRequest(String name, String channel, String type, Map<String, Map<String, String>> texts) {

    public static final int MAX_NAME = 100;
    public static final int MAX_LANGUAGES = 10;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    /** The checked template's parts; {@code textFields} are the decision type's free-text fields. */
    record Checked(String name, String channel, DecisionType type, Map<String, Map<String, String>> texts) {
    }

    Checked check(Set<String> channels, java.util.function.Function<DecisionType, Set<String>> textFields) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            throw new IllegalArgumentException("'name' is required, at most " + MAX_NAME + " characters");
        }
        Texts.check("name", name, MAX_NAME);
        String onChannel = channel == null || channel.isBlank() ? null : channel.strip();
        if (onChannel != null && !channels.contains(onChannel)) {
            throw new IllegalArgumentException("'channel' cannot be '" + onChannel + "'; one of " + channels.stream().sorted().toList()
                    + ", or none for every channel");
        }
        DecisionType decision = decisionType();
        Set<String> fields = textFields.apply(decision);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a " + decision + " has no text to save; choose a decision with texts");
        }
        if (texts == null || texts.isEmpty() || texts.size() > MAX_LANGUAGES) {
            throw new IllegalArgumentException("'texts' needs 1 to " + MAX_LANGUAGES + " languages, each with the texts of " + fields);
        }
        Map<String, Map<String, String>> checked = new LinkedHashMap<>();
        texts.forEach((language, byField) -> {
            if (language == null || !LANGUAGE.matcher(language).matches()) {
                throw new IllegalArgumentException("'texts' are keyed by a two-letter language (es, en...), not '" + language + "'");
            }
            Map<String, String> kept = new LinkedHashMap<>();
            (byField == null ? Map.<String, String>of() : byField).forEach((field, text) -> {
                if (!fields.contains(field)) {
                    throw new IllegalArgumentException("'texts." + language + "." + field + "': a " + decision
                            + " has the texts " + fields);
                }
                if (text != null && !text.isBlank()) {
                    Texts.check("texts." + language + "." + field, text, Texts.LONG);
                    kept.put(field, text.strip());
                }
            });
            if (!kept.isEmpty()) {
                checked.put(language, kept);
            }
        });
        if (checked.isEmpty()) {
            throw new IllegalArgumentException("write at least one text of " + fields + " in one language");
        }
        DecisionTemplate.checkPlaceholders(checked.values().stream().flatMap(m -> m.values().stream()).toList());
        return new Checked(name.strip(), onChannel, decision, checked);
    }

    private DecisionType decisionType() {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("'type' is required: the decision the template fills");
        }
        try {
            return DecisionType.valueOf(type.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'type' cannot be '" + type + "'; one of " + java.util.Arrays.toString(DecisionType.values()));
        }
    }
}
