package com.disputehub.web;

import org.springframework.stereotype.Component;

import com.disputehub.incident.CarrierFields;
import com.disputehub.incident.Incident;

/**
 * How a person names an incident ({@code @names} in the templates): a channel's long key shortened to what its back
 * office shows, {@code gid://orderchamp/OrderProblem/709} as {@code #709}, a carrier's agency/agency/waybill/incident
 * key as the waybill and the incident's number. The full key stays in the page's tooltip and the API.
 */
@Component("names")
class IncidentNames {

    public String reference(Incident incident) {
        return referenceOf(incident);
    }

    /** What a page about this incident is called: its product, else its short reference. */
    static String title(Incident incident) {
        return incident.productTitle() != null && !incident.productTitle().isBlank() ? incident.productTitle() : referenceOf(incident);
    }

    private static String referenceOf(Incident incident) {
        return reference(incident.externalId(), incident.details().attribute(CarrierFields.SHIPMENT));
    }

    public String reference(String externalId) {
        return reference(externalId, null);
    }

    static String reference(String externalId, String shipment) {
        if (externalId == null) {
            return "";
        }
        String last = externalId.substring(externalId.lastIndexOf('/') + 1);
        if (externalId.startsWith("gid://") && !last.isEmpty()) {
            return "#" + last;
        }
        if (shipment != null && !shipment.isBlank() && externalId.contains("/" + shipment + "/")) {
            return shipment + " #" + last;
        }
        return externalId;
    }
}
