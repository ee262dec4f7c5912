package com.disputehub.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.disputehub.incident.Texts;

/** The references an ERP sends for an incident, checked where they enter: bounded names, values and count. */
final class ExternalRefsRequest {

    static final int MAX_REFS = 20;
    static final int MAX_VALUE = 200;
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,49}");

    private ExternalRefsRequest() {
    }

    /** The references in name order, or an IllegalArgumentException (a 400) naming the first problem. */
    static Map<String, String> check(Map<String, String> refs) {
        if (refs == null) {
            throw new IllegalArgumentException("send a JSON object of reference names and values, {} for none");
        }
        if (refs.size() > MAX_REFS) {
            throw new IllegalArgumentException("at most " + MAX_REFS + " references; " + refs.size() + " were sent");
        }
        Map<String, String> checked = new LinkedHashMap<>();
        new TreeMap<>(refs).forEach((name, value) -> {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("the reference name '" + Texts.check("name", name, 100)
                        + "' must start with a letter and have at most 50 letters, digits, '_', '.' or '-'");
            }
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("the reference '" + name + "' needs a value");
            }
            checked.put(name, Texts.check(name, value.trim(), MAX_VALUE));
        });
        return checked;
    }
}
