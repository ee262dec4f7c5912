package com.disputehub.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.disputehub.incident.CarrierFields;
import com.disputehub.incident.ChannelDetails;
import com.disputehub.incident.SupplierFields;

/**
 * What a person needs beside the dispute to act on it, where the channel gives it: the parcel's tracking number and
 * a page that follows it, and the customer's phone and address (a carrier's "contact the customer").
 *
 * @param trackingUrl the inbox's tracking page ({@code disputehub.inbox.tracking-url}, {@code {number}} replaced)
 */
record OrderContext(String trackingNumber, String trackingUrl, String phone, String address) {

    static OrderContext of(ChannelDetails details, String trackingTemplate) {
        String number = first(details.attribute(CarrierFields.SHIPMENT), details.attribute(SupplierFields.TRACKING_NUMBER));
        String url = number == null || trackingTemplate == null || trackingTemplate.isBlank() ? null
                : trackingTemplate.replace("{number}", URLEncoder.encode(number, StandardCharsets.UTF_8));
        return new OrderContext(number, url, blankToNull(details.attribute(CarrierFields.RECIPIENT_PHONE)),
                blankToNull(details.attribute(CarrierFields.RECIPIENT_ADDRESS)));
    }

    /** The phone as a {@code tel:} link: digits and a leading plus only. */
    public String phoneLink() {
        return phone == null ? null : "tel:" + phone.replaceAll("[^0-9+]", "");
    }

    private static String first(String a, String b) {
        return blankToNull(a) != null ? a.trim() : blankToNull(b);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
