package com.disputehub.incident;

/**
 * Text people send, checked where it enters: no NUL or other control character (tabs and line breaks aside), and
 * a bounded length. A bad one is an {@link IllegalArgumentException} naming the field, before anything is saved.
 */
public final class Texts {

    /** Names of people and systems: authors, {@code requestedBy}. */
    public static final int NAME = 100;
    /** Free text a filter searches for. */
    public static final int SEARCH = 200;
    /** Internal notes, and any decision text without a tighter limit of its own. */
    public static final int LONG = 10_000;

    private Texts() {
    }

    /** The sentence that says what is wrong with {@code value}, or null when it is fine (null and empty are fine). */
    public static String problem(String field, String value, int max) {
        TimelineText words = problemWords(field, value, max);
        return words == null ? null : words.english();
    }

    /** {@link #problem} in words each page says in its language. */
    public static TimelineText problemWords(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            return tooLong(field, value.length(), max);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return TimelineText.of("pr.control", TimelineText.field(field),
                        TimelineText.Arg.value(String.format("%04X", (int) c)));
            }
        }
        return null;
    }

    /** "'field' is N characters; at most M". */
    public static TimelineText tooLong(String field, int length, int max) {
        return TimelineText.of("pr.tooLong", TimelineText.field(field), TimelineText.Arg.value(length), TimelineText.Arg.value(max));
    }

    /** "'field' is required", and why when {@code whyKey} is given. */
    public static TimelineText required(String field, String whyKey) {
        return whyKey == null ? TimelineText.of("pr.required", TimelineText.field(field))
                : TimelineText.of("pr.requiredWhy", TimelineText.field(field), TimelineText.Arg.message(whyKey));
    }

    /** {@code value} when it is fine; throws with the sentence otherwise. */
    public static String check(String field, String value, int max) {
        String problem = problem(field, value, max);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return value;
    }
}
