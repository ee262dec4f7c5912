package com.disputehub.channel.command;

import java.util.List;

/** The optional free text of a request to a supplier: its limit and how it reads on the timeline. */
final class SupplierMessages {

    static final int MAX = 2000;

    private SupplierMessages() {
    }

    static List<String> problems(String message) {
        return message != null && message.length() > MAX
                ? List.of("'message' is " + message.length() + " characters; at most " + MAX) : List.of();
    }

    static String suffix(String message) {
        return message == null || message.isBlank() ? "" : ": " + message.trim();
    }
}
