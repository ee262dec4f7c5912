package com.disputehub.channel.mirakl.model;

import java.time.Instant;
import java.util.List;

/** An order of OR11 ({@code GET /api/orders}); states stay strings because Mirakl adds values. */
public record MiraklOrder(String orderId, String commercialId, String orderState, Instant createdDate,
                          Instant lastUpdatedDate, Boolean hasIncident, String currencyIsoCode,
                          MiraklCustomer customer, List<MiraklOrderLine> orderLines) {

    public MiraklOrder {
        orderLines = orderLines == null ? List.of() : orderLines;
    }
}
