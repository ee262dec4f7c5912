package com.disputehub.channel.mirakl.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order line; {@code order_line_state} is INCIDENT_OPEN while an incident is in progress. */
public record MiraklOrderLine(String orderLineId, Integer orderLineIndex, String orderLineState,
                              String orderLineStateReasonCode, String orderLineStateReasonLabel, String offerSku,
                              String productSku, String productTitle, Integer quantity, BigDecimal price,
                              BigDecimal totalPrice, BigDecimal shippingPrice, List<MiraklTax> taxes,
                              List<MiraklTax> shippingTaxes, Boolean canRefund, List<MiraklRefund> refunds,
                              Instant createdDate, Instant lastUpdatedDate, List<MiraklMedia> productMedias) {

    public MiraklOrderLine {
        taxes = taxes == null ? List.of() : taxes;
        shippingTaxes = shippingTaxes == null ? List.of() : shippingTaxes;
        refunds = refunds == null ? List.of() : refunds;
        productMedias = productMedias == null ? List.of() : productMedias;
    }
}
