package com.disputehub.channel;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One option an account of a channel takes ({@code disputehub.accounts.<id>.options.<name>}): what it means, its
 * default, and the check that refuses a wrong value at start with a sentence naming the key. A name ending in
 * {@code .*} stands for a family ({@code reason-map.<code>}).
 */
public record OptionSpec(String name, String type, String meaning, String defaultValue, List<String> values,
                         @JsonIgnore Function<String, String> problem, boolean required) {

    public OptionSpec(String name, String type, String meaning, String defaultValue, List<String> values,
                      Function<String, String> problem) {
        this(name, type, meaning, defaultValue, values, problem, false);
    }

    /** The same option, which every account of the channel must set (no default can stand for it). */
    public OptionSpec asRequired() {
        return new OptionSpec(name, type, meaning, null, values, problem, true);
    }

    public static OptionSpec text(String name, String meaning, String defaultValue) {
        return new OptionSpec(name, "text", meaning, defaultValue, List.of(), v -> v.isBlank() ? "is empty" : null);
    }

    public static OptionSpec integer(String name, String meaning, int defaultValue, long min, long max) {
        return new OptionSpec(name, "integer " + min + " to " + max, meaning, String.valueOf(defaultValue), List.of(), v -> {
            try {
                long n = Long.parseLong(v.trim());
                return n < min || n > max ? "must be from " + min + " to " + max : null;
            } catch (NumberFormatException e) {
                return "must be a whole number from " + min + " to " + max;
            }
        });
    }

    public static OptionSpec decimal(String name, String meaning, String defaultValue, String... words) {
        return new OptionSpec(name, "decimal", meaning, defaultValue, List.of(words), v -> {
            if (List.of(words).contains(v.trim().toLowerCase(Locale.ROOT))) {
                return null;
            }
            try {
                return new BigDecimal(v.trim()).signum() < 0 ? "must not be negative" : null;
            } catch (NumberFormatException e) {
                return "must be a decimal number" + (words.length == 0 ? "" : " or one of " + List.of(words));
            }
        });
    }

    public static OptionSpec zone(String name, String meaning, String defaultValue) {
        return new OptionSpec(name, "time zone", meaning, defaultValue, List.of(), v -> {
            try {
                ZoneId.of(v.trim());
                return null;
            } catch (RuntimeException e) {
                return "must be a time zone such as Europe/Madrid";
            }
        });
    }

    public static OptionSpec choice(String name, String meaning, String defaultValue, String... values) {
        return new OptionSpec(name, "one of " + List.of(values), meaning, defaultValue, List.of(values),
                v -> List.of(values).contains(v.trim()) ? null : "must be one of " + List.of(values));
    }

    /** Whether this spec names the key: the same name, or a key of its family; compared as keys are (case, dashes). */
    public boolean names(String key) {
        String wanted = normalized(name.endsWith(".*") ? name.substring(0, name.length() - 2) : name);
        return name.endsWith(".*") ? normalized(key).startsWith(wanted) && normalized(key).length() > wanted.length()
                : normalized(key).equals(wanted);
    }

    /** The sentence that says what is wrong with the value, or null. */
    public String check(String value) {
        return problem.apply(value == null ? "" : value);
    }

    private static String normalized(String key) {
        return key.toLowerCase(Locale.ROOT).replaceAll("[-._]", "");
    }
}
