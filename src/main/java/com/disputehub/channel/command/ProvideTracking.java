package com.disputehub.channel.command;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.disputehub.incident.Texts;
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
    public List<TimelineText> problems() {
        List<TimelineText> problems = new ArrayList<>();
        if (carrier == null || carrier.isBlank()) {
            problems.add(Texts.required("carrier", "pr.why.carrier"));
        } else if (carrier.length() > MAX_TEXT) {
            problems.add(Texts.tooLong("carrier", carrier.length(), MAX_TEXT));
        }
        if (trackingNumber == null || trackingNumber.isBlank()) {
            problems.add(Texts.required("trackingNumber", null));
        } else if (trackingNumber.length() > MAX_TEXT) {
            problems.add(Texts.tooLong("trackingNumber", trackingNumber.length(), MAX_TEXT));
        }
        if (shippedOn != null && shippedOn.isAfter(LocalDate.now().plusDays(1))) {
            problems.add(TimelineText.of("pr.future", TimelineText.field("shippedOn"), Arg.value(shippedOn)));
        }
        if (comments != null && comments.length() > SupplierMessages.MAX) {
            problems.add(Texts.tooLong("comments", comments.length(), SupplierMessages.MAX));
        }
        return problems;
    }

    @Override
    public TimelineText words() {
        return shippedOn == null ? TimelineText.of("tld.tracking", Arg.values(carrier, trackingNumber))
                : TimelineText.of("tld.trackingShipped", Arg.values(carrier, trackingNumber, shippedOn));
    }
}
