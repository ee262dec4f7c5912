package com.disputehub.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.disputehub.incident.FilterForm;

/** Inbox links that keep the filters, group and sort while changing one thing (the tab, the page). */
final class Links {

    private Links() {
    }

    static String inbox(FilterForm form, UUID group, String sort, String after) {
        return inbox(form, group, sort, after, null);
    }

    /** A page of the list; {@code trail} holds the pages before it, for "previous" (see {@link PageTrail}). */
    static String inbox(FilterForm form, UUID group, String sort, String after, String trail) {
        Map<String, String> params = params(form, group, sort);
        if (after != null) {
            params.put("after", after);
        }
        if (trail != null && !trail.isEmpty()) {
            params.put("trail", trail);
        }
        return link("/inbox", params);
    }

    /** The bulk form for everything the list shows (filter, tab and group). */
    static String bulk(FilterForm form, UUID group) {
        Map<String, String> params = params(form, group, null);
        params.put("scope", "filter");
        return link("/inbox/bulk/new", params);
    }

    private static Map<String, String> params(FilterForm form, UUID group, String sort) {
        Map<String, String> params = new LinkedHashMap<>(form.fields());
        if (group != null) {
            params.put("group", group.toString());
        }
        if (sort != null && !sort.isBlank()) {
            params.put("sort", sort);
        }
        return params;
    }

    private static String link(String path, Map<String, String> params) {
        return params.isEmpty() ? path : path + "?" + params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
