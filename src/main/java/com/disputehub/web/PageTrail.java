package com.disputehub.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The pages a person went through before this one, so that keyset pages can go back too: each page's
 * {@code after} token ("-" for the first), comma-separated, in the link. Only the last {@link #MAX} are kept.
 */
record PageTrail(List<String> tokens) {

    static final int MAX = 30;
    private static final String FIRST = "-";
    private static final Pattern TOKEN = Pattern.compile("-|[A-Za-z0-9_-]{1,200}");

    static PageTrail parse(String trail) {
        if (trail == null || trail.isBlank()) {
            return new PageTrail(List.of());
        }
        List<String> tokens = Arrays.asList(trail.split(","));
        if (tokens.size() > MAX || !tokens.stream().allMatch(t -> TOKEN.matcher(t).matches())) {
            throw new IllegalArgumentException("'trail' is the list of pages before this one, as the inbox's links write it");
        }
        return new PageTrail(List.copyOf(tokens));
    }

    /** The page number of the current page, from 1. */
    int page() {
        return tokens.size() + 1;
    }

    /** The trail of the next page: this one's, and the current page's {@code after}. */
    String next(String currentAfter) {
        List<String> next = new ArrayList<>(tokens);
        next.add(currentAfter == null ? FIRST : currentAfter);
        return String.join(",", next.subList(Math.max(0, next.size() - MAX), next.size()));
    }

    boolean hasPrevious() {
        return !tokens.isEmpty();
    }

    /** The previous page's {@code after} (null: the first page). */
    String previousAfter() {
        String last = tokens.get(tokens.size() - 1);
        return FIRST.equals(last) ? null : last;
    }

    /** The previous page's own trail. */
    String previousTrail() {
        return String.join(",", tokens.subList(0, tokens.size() - 1));
    }
}
