package com.disputehub.channel.tipsa;

import java.util.Map;

/**
 * Every name of Tipsa's (Dinapaq's) web services this adapter uses, in one place.
 *
 * <p>The services, methods, parameters, the session header, the status catalogue and the fault codes are
 * published (docs/adapters/tipsa.md gives the sources). The attribute names of an {@code ENV_INCIDENCIAS} row
 * are not: they are modelled on the seed's incident page (code, type, reason, carrier's notes, distance,
 * attempt) and on the platform's naming (V_ text, I_ integer, D_ date, T_ long text, B_ boolean, F_ decimal).
 * When Tipsa's own document says otherwise, this class is the only one to change.
 */
final class TipsaSchema {

    static final String LOGIN_SERVICE = "LoginWSService";
    static final String LOGIN = "LoginCli";
    static final String SERVICE = "WebServService";
    /** All incidents registered on a day: the incremental poll. */
    static final String INCIDENTS_OF_DAY = "ConsEnvIncidenciasFecha";
    /** All incidents of one shipment, with the solution sent and the carrier's answer. */
    static final String INCIDENTS_OF_SHIPMENT = "ConsEnvIncidencias";
    /** The status history of one shipment. */
    static final String STATES_OF_SHIPMENT = "ConsEnvEstados";
    /** A free-text action on an incident (action code 9999 in Tipsa's own integration). */
    static final String FREE_ACTION = "GrabaEnvIncActuacionLibre";
    /** An action with a code agreed with the agency ({@code options.action-code}). */
    static final String CODED_ACTION = "GrabaEnvIncActuacion";

    static final String INCIDENT_ROW = "ENV_INCIDENCIAS";
    static final String STATE_ROW = "ENV_ESTADOS";

    // Shipment key (published).
    static final String CARGO_AGENCY = "V_COD_AGE_CARGO";
    static final String ORIGIN_AGENCY = "V_COD_AGE_ORI";
    static final String WAYBILL = "V_ALBARAN";
    static final String REGISTERED_AT = "D_FEC_HORA_ALTA";
    static final String STATE_CODE = "V_COD_TIPO_EST";

    // Incident row (modelled).
    static final String INCIDENT_ID = "I_ID_ENV_INC";
    static final String INCIDENT_CODE = "V_COD_TIPO_INC";
    static final String INCIDENT_TYPE = "V_TIPO_INC";
    static final String REASON = "V_MOTIVO";
    static final String NOTES = "T_OBS";
    static final String DISTANCE_KM = "F_DISTANCIA_KM";
    static final String ATTEMPT = "I_INTENTO";
    static final String REFERENCE = "V_REF";
    static final String RECIPIENT = "V_NOM_DES";
    static final String SOLVED = "B_SOLUCIONADA";
    static final String SOLUTION = "T_SOLUCION";
    static final String SOLUTION_AT = "D_FEC_SOLUCION";
    static final String ANSWER = "T_RESPUESTA";
    static final String ANSWER_AT = "D_FEC_RESPUESTA";

    /** {@code V_COD_TIPO_EST}, TIPSA's numbering (Envialia's differs). 3 and 5 end a shipment. */
    static final Map<String, String> STATES = Map.ofEntries(
            Map.entry("0", "Documentado"), Map.entry("1", "En tránsito"), Map.entry("2", "En reparto"),
            Map.entry("3", "Entregado"), Map.entry("4", "Incidencia"), Map.entry("5", "Devuelto"),
            Map.entry("6", "Falta de expedición"), Map.entry("7", "Recanalizado"),
            Map.entry("9", "Falta de expedición administrativa"), Map.entry("10", "Destruido"),
            Map.entry("11", "Recogida"), Map.entry("12", "Leída repartidor"), Map.entry("13", "Leída"),
            Map.entry("14", "Disponible para recoger"), Map.entry("15", "Entrega parcial"));
    static final String DELIVERED = "3";
    static final String RETURNED = "5";
    static final String DESTROYED = "10";

    /** Login fault codes: 3 means Tipsa blocked the caller's IP for at least ten minutes. */
    static final Map<String, String> LOGIN_FAULTS = Map.of(
            "1", "wrong agency, client code or password",
            "2", "the client has no web-service access",
            "3", "Tipsa blocked this IP address (wait at least 10 minutes)",
            "4", "the client is inactive");

    /** Faults of GrabaEnvIncActuacion(Libre). */
    static final Map<String, String> ACTION_FAULTS = Map.of(
            "1", "the action code does not exist or is inactive",
            "2", "invalid action type",
            "3", "this user may not add actions",
            "4", "the shipment was not found or can no longer be changed",
            "5", "the user must belong to the cargo agency",
            "6", "an action without an incident cannot be added to a shipment with incidents",
            "7", "the incident the action produces is not configured",
            "8", "the user must belong to the cargo or destination agency",
            "9", "the incident does not exist");

    /** Faults after which a new login is needed. */
    static boolean sessionLost(String faultCode, String faultString) {
        String text = (faultCode == null ? "" : faultCode) + " " + (faultString == null ? "" : faultString);
        return text.contains("EROSessionNotFound") || text.contains("EConvertError");
    }

    private TipsaSchema() {
    }
}
