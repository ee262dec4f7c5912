package com.disputehub.incident;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A filter as people and integrators write it: query parameters, form fields, a rule group's JSON. Blank means
 * "any"; a wrong value is a clear error naming the field and what it may be.
 */
public record FilterForm(String channel, String account, String kind, String status, String reason, String view,
                         String order, String text, String sku, String amountMin, String amountMax, String deadline,
                         String ref, String assignee, String snoozed, String pinned) {

    /** The assignee filter's word for "the person asking" and for "nobody". */
    public static final String ME = "me";
    public static final String NOBODY = "none";

    public static FilterForm empty() {
        return new FilterForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public IncidentFilter toFilter() {
        for (Map.Entry<String, String> field : fields().entrySet()) {
            Texts.check(field.getKey(), field.getValue(), Texts.SEARCH);
        }
        return new IncidentFilter(channel, account, enumOf(IncidentKind.class, "kind", kind),
                enumOf(IncidentStatus.class, "status", status), enumOf(ReasonCategory.class, "reason", reason),
                blank(view) ? null : IncidentView.parse(view), order, text, sku, amount("amountMin", amountMin),
                amount("amountMax", amountMax), blank(deadline) ? null : DeadlineFilter.parse(deadline), ref,
                checkedAssignee(), yesNo("snoozed", snoozed), yesNo("pinned", pinned), null, null);
    }

    /**
     * The same form with "me" as the assignee replaced by the login of the person asking; an API key
     * ({@code key:<name>}) is no person and owns no incident, so "me" stays and is refused.
     */
    public FilterForm forViewer(String actor) {
        boolean me = ME.equalsIgnoreCase(blank(assignee) ? "" : assignee.trim());
        return me && actor != null && !actor.startsWith("key:") ? withAssignee(actor) : this;
    }

    /** The same form for one assignee ({@link #NOBODY} for the unassigned, null for anyone). */
    public FilterForm withAssignee(String login) {
        return new FilterForm(channel, account, kind, status, reason, view, order, text, sku, amountMin, amountMax, deadline,
                ref, login, snoozed, pinned);
    }

    /** The same form, snoozed incidents shown ("yes"), hidden ("no") or both (null). */
    public FilterForm withSnoozed(String shown) {
        return new FilterForm(channel, account, kind, status, reason, view, order, text, sku, amountMin, amountMax, deadline,
                ref, assignee, shown, pinned);
    }

    /** The same form, only pinned incidents ("yes"), only the others ("no") or both (null). */
    public FilterForm withPinned(String shown) {
        return new FilterForm(channel, account, kind, status, reason, view, order, text, sku, amountMin, amountMax, deadline,
                ref, assignee, snoozed, shown);
    }

    private String checkedAssignee() {
        if (blank(assignee)) {
            return null;
        }
        if (ME.equalsIgnoreCase(assignee.trim())) {
            throw new IllegalArgumentException("'assignee=me' stands for the person signed in; an API key owns no incident:"
                    + " name the login");
        }
        return assignee.trim().equalsIgnoreCase(NOBODY) ? NOBODY : assignee.trim();
    }

    private static Boolean yesNo(String field, String value) {
        if (blank(value)) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "yes", "true" -> Boolean.TRUE;
            case "no", "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("'" + field + "' cannot be '" + value + "'; one of [yes, no]");
        };
    }

    /** The same form on another tab (null: All). */
    public FilterForm withView(String tab) {
        return new FilterForm(channel, account, kind, status, reason, tab, order, text, sku, amountMin, amountMax, deadline,
                ref, assignee, snoozed, pinned);
    }

    /** The non-blank fields, in order, for links and for showing a rule. */
    public Map<String, String> fields() {
        Map<String, String> out = new LinkedHashMap<>();
        put(out, "channel", channel);
        put(out, "account", account);
        put(out, "kind", kind);
        put(out, "status", status);
        put(out, "reason", reason);
        put(out, "view", view);
        put(out, "order", order);
        put(out, "text", text);
        put(out, "sku", sku);
        put(out, "amountMin", amountMin);
        put(out, "amountMax", amountMax);
        put(out, "deadline", deadline);
        put(out, "ref", ref);
        put(out, "assignee", assignee);
        put(out, "snoozed", snoozed);
        put(out, "pinned", pinned);
        return out;
    }

    public boolean isEmpty() {
        return fields().isEmpty();
    }

    private static void put(Map<String, String> out, String key, String value) {
        if (!blank(value)) {
            out.put(key, value.trim());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static BigDecimal amount(String field, String value) {
        if (blank(value)) {
            return null;
        }
        return Amounts.parse(field, value.trim().replace(',', '.'));
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String field, String value) {
        if (blank(value)) {
            return null;
        }
        String name = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + field + "' cannot be '" + value + "'; one of "
                        + Arrays.toString(type.getEnumConstants())));
    }
}
