package com.disputehub.channel.mirakl.model;

/** A reason of RE01 ({@code GET /api/reasons}): operator-defined code, label, type (REFUND, INCIDENT_CLOSE...). */
public record MiraklReason(String code, String label, String type, Boolean isShopRight) {
}
