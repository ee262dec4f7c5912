package com.disputehub.incident;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Criteria for listing incidents; null fields do not filter. {@code skuPrefix} matches any SKU of the incident
 * that starts with it; the amount is the requested refund, else the product value. {@code memberOf} keeps the
 * incidents listed in a manual group; {@code externalRef} is an ERP reference's value, or {@code name:value}; {@code assignee} is a login or {@link FilterForm#NOBODY}; {@code snoozed} and {@code pinned} keep only (true) or
 * leave out (false) such incidents; {@code within} adds a second filter that must hold too (a rule group's).
 */
public record IncidentFilter(
        String channelType,
        String accountId,
        IncidentKind kind,
        IncidentStatus status,
        ReasonCategory reason,
        IncidentView view,
        String orderId,
        String text,
        String skuPrefix,
        BigDecimal amountMin,
        BigDecimal amountMax,
        DeadlineFilter deadline,
        String externalRef,
        String assignee,
        Boolean snoozed,
        Boolean pinned,
        UUID memberOf,
        IncidentFilter within) {

    public IncidentFilter {
        channelType = blankToNull(channelType);
        accountId = blankToNull(accountId);
        orderId = blankToNull(orderId);
        text = blankToNull(text);
        skuPrefix = blankToNull(skuPrefix);
        externalRef = blankToNull(externalRef);
        assignee = blankToNull(assignee);
        if (amountMin != null && amountMax != null && amountMin.compareTo(amountMax) > 0) {
            throw new IllegalArgumentException("the minimum amount " + amountMin.toPlainString()
                    + " is above the maximum " + amountMax.toPlainString());
        }
    }

    public static IncidentFilter all() {
        return new IncidentFilter(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    public IncidentFilter withAccount(String account) {
        return new IncidentFilter(channelType, account, kind, status, reason, view, orderId, text, skuPrefix, amountMin,
                amountMax, deadline, externalRef, assignee, snoozed, pinned, memberOf, within);
    }

    /** Only the pinned incidents (true) or only the others (false). */
    public IncidentFilter pinned(boolean only) {
        return new IncidentFilter(channelType, accountId, kind, status, reason, view, orderId, text, skuPrefix, amountMin,
                amountMax, deadline, externalRef, assignee, snoozed, only, memberOf, within);
    }

    /** Only the incidents listed in this manual group. */
    public IncidentFilter memberOf(UUID group) {
        return new IncidentFilter(channelType, accountId, kind, status, reason, view, orderId, text, skuPrefix, amountMin,
                amountMax, deadline, externalRef, assignee, snoozed, pinned, group, within);
    }

    /** Only the incidents that also match {@code rule}. */
    public IncidentFilter within(IncidentFilter rule) {
        return new IncidentFilter(channelType, accountId, kind, status, reason, view, orderId, text, skuPrefix, amountMin,
                amountMax, deadline, externalRef, assignee, snoozed, pinned, memberOf, rule);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
