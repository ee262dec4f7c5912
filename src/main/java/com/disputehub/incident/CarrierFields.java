package com.disputehub.incident;

/** The names of the carrier facts of DOMAIN C2 in {@link ChannelDetails}, the same for every carrier. */
public final class CarrierFields {

    /** The carrier's incident code, e.g. NAM. */
    public static final String STATUS_CODE = "carrier.statusCode";
    /** The incident type in the carrier's words, e.g. "mercancía no aceptada". */
    public static final String INCIDENT_TYPE = "carrier.incidentType";
    /** Why, in the carrier's words, e.g. "pedido anulado / rehusado". */
    public static final String REASON = "carrier.reason";
    public static final String NOTES = "carrier.notes";
    /** Kilometres between the carrier's office and the customer's address. */
    public static final String DISTANCE_KM = "carrier.distanceKm";
    /** The delivery attempt the incident happened on, 1 for the first. */
    public static final String ATTEMPT = "carrier.attempt";
    public static final String SHIPMENT = "carrier.shipment";
    public static final String RECIPIENT_PHONE = "carrier.recipientPhone";
    public static final String RECIPIENT_ADDRESS = "carrier.recipientAddress";
    /** The solution the seller sent, and the carrier's answer to it. */
    public static final String SOLUTION_SENT = "carrier.solutionSent";
    public static final String CARRIER_ANSWER = "carrier.answer";

    private CarrierFields() {
    }
}
