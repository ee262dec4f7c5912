package com.disputehub.channel.mirakl.model;

import java.math.BigDecimal;

/** A tax amount by code, on a line, its shipping, or a refund. */
public record MiraklTax(String code, BigDecimal amount) {
}
