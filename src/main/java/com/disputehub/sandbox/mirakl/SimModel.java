package com.disputehub.sandbox.mirakl;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** The simulated marketplace's state, shaped like Mirakl's wire records (serialized snake_case). */
final class SimModel {

    private SimModel() {
    }

    /** An order of OR11. */
    static final class Order {
        public String orderId;
        public String commercialId;
        public String orderState = "RECEIVED";
        public Instant createdDate;
        public Instant lastUpdatedDate;
        public String currencyIsoCode = "EUR";
        public Customer customer;
        public List<Line> orderLines = new ArrayList<>();

        public boolean isHasIncident() {
            return orderLines.stream().anyMatch(l -> "INCIDENT_OPEN".equals(l.orderLineState));
        }
    }

    /** The customer of an order. */
    record Customer(String customerId, String firstname, String lastname, String locale) {
    }

    /** An order line, with its incident state and refunds. */
    static final class Line {
        public String orderLineId;
        public int orderLineIndex;
        public String orderLineState = "RECEIVED";
        public String orderLineStateReasonCode;
        public String orderLineStateReasonLabel;
        public String offerSku;
        public String productSku;
        public String productTitle;
        public int quantity = 1;
        public BigDecimal price;
        public BigDecimal shippingPrice;
        public List<Tax> taxes = new ArrayList<>();
        public List<Tax> shippingTaxes = new ArrayList<>();
        public List<Refund> refunds = new ArrayList<>();
        public Instant createdDate;
        public Instant lastUpdatedDate;
        public List<Media> productMedias = new ArrayList<>();
        @JsonIgnore
        public Instant resolvedByShopAt;

        public BigDecimal getTotalPrice() {
            return price.add(shippingPrice);
        }

        public boolean isCanRefund() {
            return refundedAmount().compareTo(price) < 0 && !"REFUNDED".equals(orderLineState);
        }

        BigDecimal refundedAmount() {
            return refunds.stream().map(Refund::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        BigDecimal refundedShipping() {
            return refunds.stream().map(Refund::shippingAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    record Tax(String code, BigDecimal amount) {
    }

    record Media(String mediaUrl, String type) {
    }

    record Refund(String id, BigDecimal amount, BigDecimal shippingAmount, Integer quantity, String reasonCode,
                  Instant createdDate, String refundState) {
    }

    /** A message thread of M11 about one order. */
    static final class Thread {
        public String id;
        public Topic topic;
        public List<Entity> entities = new ArrayList<>();
        public Instant dateCreated;
        public Instant dateUpdated;
        public List<Message> messages = new ArrayList<>();
    }

    record Topic(String type, String value) {
    }

    record Entity(String id, String type, String label) {
    }

    record Message(String id, String body, Instant dateCreated, Participant from, List<Participant> to,
                   List<Attachment> attachments) {
    }

    /** A file on a message, as M11 lists it; M13 downloads it. */
    record Attachment(String id, String name, long size) {
    }

    record Participant(String type, String id, String displayName) {
    }

    /** A reason of RE01. */
    record Reason(String code, String label, String type, boolean isShopRight) {
    }
}
