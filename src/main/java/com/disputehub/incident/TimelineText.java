package com.disputehub.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Words any page language can say (DOMAIN X9): parts, each a message key ({@code tl.*} in messages*.properties) with
 * its arguments, read one after the other with "; ". The timeline keeps them beside the English sentence the API gives.
 */
public record TimelineText(List<Part> parts) {

    /** The pages' English bundle, for the sentence the API, errors and logs give whatever the reader's language. */
    private static final MessageSource ENGLISH = english("messages");

    public TimelineText {
        parts = List.copyOf(parts);
    }

    public static TimelineText of(String key, Arg... args) {
        return new TimelineText(List.of(new Part(key, List.of(args))));
    }

    /** A sentence said the same in every language: a channel's words, or a check that has no keyed words yet. */
    public static TimelineText verbatim(String text) {
        return of("tl.outcome", Arg.value(text));
    }

    /** A field's name as pages label it ({@code field.<name>}), as the API spells it otherwise. */
    public static Arg field(String name) {
        return Arg.word("field." + name, name);
    }

    /** These words, then another part (when {@code key} is not null). */
    public TimelineText and(String key, Arg... args) {
        if (key == null) {
            return this;
        }
        List<Part> more = new ArrayList<>(parts);
        more.add(new Part(key, List.of(args)));
        return new TimelineText(more);
    }

    public TimelineText and(TimelineText other) {
        List<Part> more = new ArrayList<>(parts);
        more.addAll(other.parts());
        return new TimelineText(more);
    }

    /** In English, as the API and the logs give it: words in the API's spelling, times as ISO instants. */
    public String english() {
        return render(ENGLISH, Locale.ENGLISH, Instant::toString, false);
    }

    private static MessageSource english(String basename) {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename(basename);
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    /**
     * Said in {@code locale}; {@code translateWords} false keeps words (a status, a party) in the API's spelling
     * ("needs seller action"), as the stored English sentence has them.
     */
    public String render(MessageSource messages, Locale locale, Function<Instant, String> time, boolean translateWords) {
        return parts.stream().map(p -> messages.getMessage(p.key(), p.args().stream()
                        .map(a -> a.render(messages, locale, time, translateWords)).toArray(), p.key(), locale))
                .collect(Collectors.joining("; "));
    }

    public record Part(String key, List<Arg> args) {

        public Part {
            args = List.copyOf(args);
        }
    }

    /**
     * One argument: a word to translate ({@code word} a message key, {@code value} its spelling in the API and the
     * fallback; without one, the message itself in every language), a time written for people, or a value (a login,
     * an amount, the buyer's words) shown as it is.
     */
    public record Arg(String word, String value, Instant time) {

        /** A value shown as it is; null reads "none" in the reader's language. */
        public static Arg value(Object value) {
            return value == null ? message("tl.none") : new Arg(null, value.toString(), null);
        }

        public static Arg word(String key, String fallback) {
            return new Arg(key, fallback, null);
        }

        /** A phrase of the bundle, said in the reader's language, English in the API. */
        public static Arg message(String key) {
            return new Arg(key, null, null);
        }

        /** An enum value: {@code prefix.NAME} on pages, "name in lower case" in the API. */
        public static Arg word(String prefix, Enum<?> value) {
            return value == null ? value(null) : word(prefix + value.name(), value.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }

        public static Arg time(Instant at) {
            return at == null ? value(null) : new Arg(null, at.toString(), at);
        }

        public static Arg[] values(Object... values) {
            return Arrays.stream(values).map(Arg::value).toArray(Arg[]::new);
        }

        String render(MessageSource messages, Locale locale, Function<Instant, String> format, boolean translateWords) {
            if (time != null) {
                return translateWords ? format.apply(time) : value;
            }
            if (word != null) {
                return translateWords || value == null ? messages.getMessage(word, null, value != null ? value : word, locale) : value;
            }
            return value;
        }
    }
}
