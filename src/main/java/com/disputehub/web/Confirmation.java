package com.disputehub.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.ui.Model;

/**
 * The step before a page's action that moves money or cannot be undone (DOMAIN X6): a page that says what will
 * happen and posts the same form again with {@code confirmed=yes}; going back changes nothing. Its texts are
 * {@code confirm.<kind>.question}, {@code .hint} and {@code .do}, each given {@code args}.
 */
final class Confirmation {

    static final String CONFIRMED = "confirmed";

    private Confirmation() {
    }

    static boolean given(Map<String, String> params) {
        return "yes".equals(params.get(CONFIRMED));
    }

    /** Fills the page; {@code fields} are the form's to post again (its CSRF token is the page's own). */
    static String page(Model model, String kind, Object[] args, String what, String action, Map<String, String> fields,
                       String back) {
        Map<String, String> again = new LinkedHashMap<>(fields);
        again.remove("_csrf");
        again.remove(CONFIRMED);
        model.addAttribute("kind", kind);
        model.addAttribute("args", args);
        model.addAttribute("what", what);
        model.addAttribute("action", action);
        model.addAttribute("fields", again);
        model.addAttribute("back", back);
        return "confirm";
    }
}
