package com.disputehub.incident;

/**
 * {@code onBehalfOf} (DOMAIN X6): the person an ERP says it acts for. Informational: it never becomes the actor,
 * and the timeline shows it as the caller's claim.
 */
public final class OnBehalfOf {

    private OnBehalfOf() {
    }

    /** These timeline words, and who the caller says it acts for when it says so. */
    public static TimelineText add(TimelineText text, String onBehalfOf) {
        return onBehalfOf == null || onBehalfOf.isBlank() ? text : text.and("tl.onBehalfOf", TimelineText.Arg.value(onBehalfOf.trim()));
    }

}
