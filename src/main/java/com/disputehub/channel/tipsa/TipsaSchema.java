package com.disputehub.channel.tipsa;

import java.util.Map;

/**
 * Every name of Tipsa's (Dinapaq's) web services this adapter uses, in one place, as TIPSA publishes them: its
 * WSDL and example answers (docs/adapters/tipsa.md gives the sources).
 *
 * <p>A query answers a {@code <CONSULTA>} document as text (escaped, or in CDATA). Incidents come as
 * {@code ENV_INCIDENCIAS} elements, each holding an {@code INC} (the incident) and its {@code ACT}s (the actions
 * taken on it); the day's query also names the shipment on the {@code ENV_INCIDENCIAS}. The shipment itself
 * ({@code ENVIOS}: reference, recipient, phone, address) comes from {@code ConsEnvio}.
 */
final class TipsaSchema {

    static final String LOGIN_SERVICE = "LoginWSService";
    static final String LOGIN = "LoginCli";
    static final String SERVICE = "WebServService";
    /** All incidents registered on a day: the incremental poll. */
    static final String INCIDENTS_OF_DAY = "ConsEnvIncidenciasFecha";
    /** All incidents of one shipment, each with its actions. */
    static final String INCIDENTS_OF_SHIPMENT = "ConsEnvIncidencias";
    /** The status history of one shipment. */
    static final String STATES_OF_SHIPMENT = "ConsEnvEstados";
    /** The shipment: reference, recipient and address. */
    static final String SHIPMENT = "ConsEnvio";
    /**
     * A free-text action on an incident. {@code GrabaEnvIncActuacion} takes an action code agreed with the agency
     * and no text at all, so a solution (DOMAIN C4) always goes through this one.
     */
    static final String FREE_ACTION = "GrabaEnvIncActuacionLibre";

    static final String INCIDENT_GROUP = "ENV_INCIDENCIAS";
    static final String INCIDENT = "INC";
    static final String ACTION = "ACT";
    static final String SHIPMENT_ROW = "ENVIOS";
    static final String STATE_ROW = "ENV_ESTADOS";

    // The shipment's key: on the day's ENV_INCIDENCIAS and on ENVIOS.
    static final String CARGO_AGENCY = "V_COD_AGE_CARGO";
    static final String ORIGIN_AGENCY = "V_COD_AGE_ORI";
    static final String WAYBILL = "V_ALBARAN";

    // INC.
    static final String ID = "I_ID";
    static final String INCIDENT_CODE = "V_COD_TIPO_INC";
    static final String NOTES = "T_OBS";
    static final String REGISTERED_AT = "D_FEC_HORA_ALTA";
    static final String RESOLVED = "B_RESUELTA";

    // ACT (its I_ID and D_FEC_HORA_ALTA as for INC).
    static final String ACTION_CODE = "V_COD_TIPO_ACTU";
    static final String ACTION_NAME = "V_DES_TIPO_ACTU";
    /** The client code of whoever recorded the action; the account's own for its solutions. */
    static final String ACTION_CLIENT = "V_COD_CLI_ALTA";
    /** The action Tipsa records when an incident is opened ("GENERACIÓN DE INCIDENCIA"). */
    static final String ACTION_OPENED = "9999";

    // ENVIOS.
    static final String REFERENCE = "V_REF";
    static final String RECIPIENT = "V_NOM_DES";
    static final String RECIPIENT_PHONE = "V_TLF_DES";
    static final String RECIPIENT_ADDRESS = "V_DIR_DES";
    static final String RECIPIENT_NUMBER = "V_NUM_DES";
    static final String RECIPIENT_POSTCODE = "V_CP_DES";
    static final String RECIPIENT_TOWN = "V_POB_DES";

    // ENV_ESTADOS (its D_FEC_HORA_ALTA as for INC).
    static final String STATE_CODE = "V_COD_TIPO_EST";

    /**
     * Incident codes whose meaning TIPSA's examples show ({@code AS} "addressee was absent", {@code FL} "local
     * holiday") or the seed names ({@code NAM}, goods not accepted). Others are kept raw and read from the notes.
     */
    static final Map<String, String> INCIDENT_TYPES = Map.of(
            "AS", "Destinatario ausente",
            "FL", "Festivo local",
            "NAM", "Mercancía no aceptada");
    static final String ABSENT = "AS";

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

    /** Login faults ({@code faultcode} Exception, {@code faultstring} "1: ..."): 3 means Tipsa blocked the IP. */
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

    static boolean yes(String flag) {
        return flag != null && (flag.trim().equalsIgnoreCase("true") || flag.trim().equals("1"));
    }

    private TipsaSchema() {
    }
}
