package com.disputehub.incident;

/**
 * {@code onBehalfOf} (DOMAIN X6): the person an ERP says it acts for. Informational: it never becomes the actor,
 * and the timeline shows it as the caller's claim.
 */
public final class OnBehalfOf {

    private OnBehalfOf() {
    }

    /** The timeline's words for it, or nothing. */
    public static String suffix(String onBehalfOf) {
        return onBehalfOf == null || onBehalfOf.isBlank() ? "" : " (on behalf of " + onBehalfOf.trim() + ", as the caller says)";
    }
}
