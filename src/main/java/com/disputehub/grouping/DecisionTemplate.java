package com.disputehub.grouping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.disputehub.channel.command.DecisionCommand;
import com.disputehub.incident.Incident;
import com.disputehub.incident.Money;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * One decision written once for many incidents: the decision's JSON (as for a single decision) whose texts may
 * hold placeholders such as {@code {buyerName}}, and per-language replacements of its fields. Each incident gets
 * the fields of its buyer's language, with its own values in the placeholders.
 */
public record DecisionTemplate(JsonNode decision, Map<String, Map<String, String>> translations) {

    public static final Set<String> PLACEHOLDERS = Set.of("buyerName", "orderId", "amount", "productTitle", "incidentRef", "lines");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    public DecisionTemplate {
        translations = translations == null ? Map.of() : Map.copyOf(translations);
    }

    /** Checks the template once, before any incident: a decision type, known placeholders, a readable command. */
    void check(ObjectMapper json) {
        if (!(decision instanceof ObjectNode node) || !node.hasNonNull("type")) {
            throw new IllegalArgumentException("'decision' needs a \"type\" and the decision's fields, as for one incident");
        }
        Set<String> unknown = new TreeSet<>();
        collect(decision, unknown);
        translations.values().forEach(fields -> fields.values().forEach(text -> unknownIn(text, unknown)));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown placeholder(s) " + unknown + "; the known ones are "
                    + PLACEHOLDERS.stream().sorted().map(p -> "{" + p + "}").toList());
        }
        DecisionCommand command;
        try {
            command = json.treeToValue(decision, DecisionCommand.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the decision cannot be read: " + e.getMessage().lines().findFirst().orElse(""));
        }
        // a translation changes words, never the decision: no other type, amount or code per language (X3)
        Set<String> texts = command.textFields();
        translations.forEach((language, fields) -> fields.keySet().stream().filter(f -> !texts.contains(f)).findFirst()
                .ifPresent(f -> {
                    throw new IllegalArgumentException("'translations." + language + "." + f + "': a translation sets only "
                            + "the text fields of " + command.type() + (texts.isEmpty() ? ", and it has none" : ": " + texts));
                }));
    }

    String type() {
        return decision.get("type").asString();
    }

    /** Refuses texts with a placeholder that is not one of {@link #PLACEHOLDERS}, naming the known ones. */
    public static void checkPlaceholders(java.util.Collection<String> texts) {
        Set<String> unknown = new TreeSet<>();
        texts.forEach(text -> unknownIn(text, unknown));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown placeholder(s) " + unknown + "; the known ones are "
                    + PLACEHOLDERS.stream().sorted().map(p -> "{" + p + "}").toList());
        }
    }

    /**
     * A saved reply's text for one incident: each placeholder with its value; one without a value on this
     * incident stays as written, for the person to see and complete.
     */
    public static String fillFor(String text, Incident incident) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = "lines".equals(m.group(1)) ? lines(List.of(incident)) : value(m.group(1), incident);
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The command for one incident, in {@code language}; a {@link TemplateException} when a placeholder has no value. */
    DecisionCommand render(Incident incident, String language, ObjectMapper json) {
        return render(incident, List.of(incident), language, json);
    }

    /**
     * The command for one incident that speaks for its whole conversation with the buyer ({@code {lines}} lists
     * each incident of it: reference, product and amount).
     */
    DecisionCommand render(Incident incident, List<Incident> conversation, String language, ObjectMapper json) {
        ObjectNode node = ((ObjectNode) decision).deepCopy();
        Map<String, String> local = language == null ? null : translations.get(language.toLowerCase(Locale.ROOT));
        if (local != null) {
            local.forEach(node::put);
        }
        List<String> missing = new ArrayList<>();
        JsonNode filled = fill(node, incident, conversation, missing);
        if (!missing.isEmpty()) {
            throw new TemplateException("no value for " + String.join(", ", missing) + " on this incident");
        }
        try {
            return json.treeToValue(filled, DecisionCommand.class);
        } catch (RuntimeException e) {
            // a translation can break a field the untranslated decision had right
            throw new TemplateException("the decision in '" + language + "' cannot be read: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    private static JsonNode fill(JsonNode node, Incident incident, List<Incident> conversation, List<String> missing) {
        if (node.isString()) {
            return StringNode.valueOf(substitute(node.asString(), incident, conversation, missing));
        }
        if (node instanceof ObjectNode object) {
            for (String name : new ArrayList<>(object.propertyNames())) {
                object.set(name, fill(object.get(name), incident, conversation, missing));
            }
        } else if (node.isArray()) {
            tools.jackson.databind.node.ArrayNode array = (tools.jackson.databind.node.ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, fill(array.get(i), incident, conversation, missing));
            }
        }
        return node;
    }

    private static String substitute(String text, Incident incident, List<Incident> conversation, List<String> missing) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = "lines".equals(m.group(1)) ? lines(conversation) : value(m.group(1), incident);
            if (value == null) {
                missing.add("{" + m.group(1) + "}");
                value = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String value(String placeholder, Incident i) {
        return switch (placeholder) {
            case "buyerName" -> blankToNull(i.buyerName());
            case "orderId" -> blankToNull(i.orderId());
            case "productTitle" -> blankToNull(i.productTitle());
            case "incidentRef" -> i.externalId();
            case "amount" -> amount(i.requestedRefund() != null ? i.requestedRefund() : i.productValue());
            default -> null;
        };
    }

    private static String lines(List<Incident> conversation) {
        List<String> lines = new ArrayList<>();
        for (Incident i : conversation) {
            String amount = amount(i.requestedRefund() != null ? i.requestedRefund() : i.productValue());
            lines.add(i.externalId() + (i.productTitle() == null || i.productTitle().isBlank() ? "" : ": " + i.productTitle())
                    + (amount == null ? "" : " (" + amount + ")"));
        }
        return String.join("; ", lines);
    }

    private static String amount(Money money) {
        return money == null ? null : money.display();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static void collect(JsonNode node, Set<String> unknown) {
        if (node.isString()) {
            unknownIn(node.asString(), unknown);
        } else if (node.isContainer()) {
            node.forEach(child -> collect(child, unknown));
        }
    }

    private static void unknownIn(String text, Set<String> unknown) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                unknown.add("{" + m.group(1) + "}");
            }
        }
    }

    /** A placeholder without a value on one incident: that incident is not eligible. */
    static class TemplateException extends RuntimeException {
        TemplateException(String message) {
            super(message);
        }
    }
}
