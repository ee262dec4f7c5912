package com.disputehub.channel.mirakl.model;

/** The customer of an order. */
public record MiraklCustomer(String customerId, String firstname, String lastname, String locale) {
}
