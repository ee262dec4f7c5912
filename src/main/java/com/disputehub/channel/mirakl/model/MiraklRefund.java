package com.disputehub.channel.mirakl.model;

import java.math.BigDecimal;
import java.time.Instant;

/** A refund already made on a line. */
public record MiraklRefund(String id, BigDecimal amount, BigDecimal shippingAmount, Integer quantity,
                           String reasonCode, Instant createdDate, String refundState) {
}
