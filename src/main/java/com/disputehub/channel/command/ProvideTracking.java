package com.disputehub.channel.command;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.disputehub.incident.TimelineText;
import com.disputehub.incident.TimelineText.Arg;

/**
 * Marketplace: the order was shipped, here is the proof (a buyer says it never came): the carrier, the tracking
 * number and the day it was shipped, sent where the channel takes them (eBay's provide_shipment_info).
 */
public record ProvideTracking(String carrier, String trackingNumber, LocalDate shippedOn, String comments) implements DecisionCommand {

    public static final int MAX_TEXT = 100;

    @Override
    public DecisionType type() {
        return DecisionType.PROVIDE_TRACKING;
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (carrier == null || carrier.isBlank()) {
            problems.add("'carrier' is required: who carried the parcel");
        } else if (carrier.length() > MAX_TEXT) {
            problems.add("'carrier' is " + carrier.length() + " characters; at most " + MAX_TEXT);
        }
        if (trackingNumber == null || trackingNumber.isBlank()) {
            problems.add("'trackingNumber' is required");
        } else if (trackingNumber.length() > MAX_TEXT) {
            problems.add("'trackingNumber' is " + trackingNumber.length() + " characters; at most " + MAX_TEXT);
        }
        if (shippedOn != null && shippedOn.isAfter(LocalDate.now().plusDays(1))) {
            problems.add("'shippedOn' " + shippedOn + " is in the future");
        }
        if (comments != null && comments.length() > SupplierMessages.MAX) {
            problems.add("'comments' is " + comments.length() + " characters; at most " + SupplierMessages.MAX);
        }
        return problems;
    }

    @Override
    public TimelineText words() {
        return shippedOn == null ? TimelineText.of("tld.tracking", Arg.values(carrier, trackingNumber))
                : TimelineText.of("tld.trackingShipped", Arg.values(carrier, trackingNumber, shippedOn));
    }
}
