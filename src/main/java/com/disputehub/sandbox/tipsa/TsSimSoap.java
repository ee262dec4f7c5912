package com.disputehub.sandbox.tipsa;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * The simulated Dinapaq SOAP server, written apart from the adapter and shaped on TIPSA's published examples so
 * that the adapter is checked against the protocol, not against itself: login with its faults ({@code Exception},
 * "1: ..."), the session header on every call and in every answer (urn:DinaPaq), CONSULTA documents in CDATA
 * (incidents, states) or escaped (the shipment), solutions with Tipsa's error 9, and faults as HTTP 500.
 */
class TsSimSoap {

    private final TsSimWorld world;
    private final String agency;
    private final String client;
    private final String password;
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();

    TsSimSoap(TsSimWorld world, String agency, String client, String password) {
        this.world = world;
        this.agency = agency;
        this.client = client;
        this.password = password;
    }

    record Reply(int status, String body) {
    }

    Reply handle(String service, String envelope) {
        Element call;
        String session;
        try {
            Document doc = parse(envelope);
            Element body = child(doc.getDocumentElement(), "Body");
            Element header = child(doc.getDocumentElement(), "Header");
            Element clientId = header == null ? null : child(header, "ROClientIDHeader");
            session = clientId == null || child(clientId, "ID") == null ? null : child(clientId, "ID").getTextContent().trim();
            call = body == null ? null : firstElement(body);
        } catch (Exception e) {
            return fault("EROInvalidStream", "Invalid SOAP message");
        }
        if (call == null || !call.getLocalName().startsWith(service + "___")) {
            return fault("EROUnknownMethod", "Unknown method for service " + service);
        }
        String method = call.getLocalName().substring(service.length() + 3);
        Map<String, String> params = new HashMap<>();
        for (Node n = call.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                params.put(e.getLocalName(), e.getTextContent());
            }
        }
        if ("LoginWSService".equals(service) && "LoginCli".equals(method)) {
            if (!agency.equals(params.get("strCodAge")) || !client.equals(params.get("strCod"))
                    || !password.equals(params.get("strPass"))) {
                return fault("Exception", "1: Cliente o password incorrecto.");
            }
            String id = "{" + UUID.randomUUID().toString().toUpperCase() + "}";
            sessions.add(id);
            return ok(id, "LoginWSService___LoginCliResponse", "<v1:Result>true</v1:Result><v1:strError>0</v1:strError>"
                    + "<v1:strSesion>" + id + "</v1:strSesion>");
        }
        if (!"WebServService".equals(service)) {
            return fault("EROUnknownService", "Unknown service " + service);
        }
        if (session == null || !sessions.contains(session)) {
            return fault("EROSessionNotFound", "Session not found");
        }
        return switch (method) {
            case "ConsEnvIncidenciasFecha" -> incidentsOfDay(session, params.get("dtFecha"));
            case "ConsEnvIncidencias" -> shipmentIncidents(session, params);
            case "ConsEnvEstados" -> shipmentStates(session, params);
            case "ConsEnvio" -> shipmentData(session, params);
            case "GrabaEnvIncActuacionLibre" -> solve(session, params);
            default -> fault("EROUnknownMethod", "Unknown method " + method);
        };
    }

    /** Forgets every session, as Tipsa does after a while. */
    void expireSessions() {
        sessions.clear();
    }

    private Reply incidentsOfDay(String session, String day) {
        LocalDate date;
        try {
            date = LocalDate.parse(day.trim(), DateTimeFormatter.ofPattern("yyyy/MM/dd"));
        } catch (RuntimeException e) {
            return fault("EConvertError", "'" + day + "' is not a valid date");
        }
        StringBuilder rows = new StringBuilder();
        world.incidentsOn(date).forEach(i -> rows.append(group(i, true)));
        return cdata(session, "ConsEnvIncidenciasFecha", "strEnvIncidencias", rows);
    }

    private Reply shipmentIncidents(String session, Map<String, String> p) {
        StringBuilder rows = new StringBuilder();
        world.shipment(p.get("strCodAgeCargo"), p.get("strCodAgeOri"), p.get("strAlbaran"))
                .ifPresent(s -> s.incidents.forEach(i -> rows.append(group(i, false))));
        return cdata(session, "ConsEnvIncidencias", "strEnvIncidencias", rows);
    }

    private Reply shipmentStates(String session, Map<String, String> p) {
        StringBuilder rows = new StringBuilder();
        world.shipment(p.get("strCodAgeCargo"), p.get("strCodAgeOri"), p.get("strAlbaran")).ifPresent(s -> {
            int id = 1;
            for (TsSimWorld.State st : s.states) {
                rows.append("<ENV_ESTADOS");
                attr(rows, "I_ID", String.valueOf(id++));
                attr(rows, "V_COD_TIPO_EST", st.code());
                attr(rows, "D_FEC_HORA_ALTA", TsSimWorld.DATE.format(st.at()));
                attr(rows, "V_COD_USU_ALTA", TsSimWorld.AGENCY_USER);
                rows.append("/>");
            }
        });
        return cdata(session, "ConsEnvEstados", "strEnvEstados", rows);
    }

    /** ConsEnvio answers its CONSULTA escaped, as TIPSA's example does. */
    private Reply shipmentData(String session, Map<String, String> p) {
        StringBuilder row = new StringBuilder();
        world.shipment(p.get("strCodAgeCargo"), p.get("strCodAgeOri"), p.get("strAlbaran")).ifPresent(s -> {
            row.append("<ENVIOS");
            attr(row, "V_COD_AGE_CARGO", s.cargo);
            attr(row, "V_COD_AGE_ORI", s.origin);
            attr(row, "V_ALBARAN", s.waybill);
            attr(row, "V_COD_CLI", client);
            attr(row, "V_NOM_DES", s.recipient);
            attr(row, "V_DIR_DES", s.address);
            attr(row, "V_CP_DES", s.postcode);
            attr(row, "V_POB_DES", s.town);
            attr(row, "V_TLF_DES", s.phone);
            attr(row, "V_REF", s.reference);
            row.append("/>");
        });
        return ok(session, "WebServService___ConsEnvioResponse", "<v1:strEnvio>" + escape("<CONSULTA>" + row + "</CONSULTA>")
                + "</v1:strEnvio>");
    }

    private Reply solve(String session, Map<String, String> p) {
        String text = p.getOrDefault("strTexto", "").trim();
        if (text.isEmpty()) {
            return fault("Exception", "2: Tipo de actuación no válido");
        }
        if (!world.solve(p.get("strCodAgeCargo"), p.get("strCodAgeOri"), p.get("strAlbaran"), p.get("intIdEnvInc"), text)) {
            return fault("Exception", "9: La incidencia no existe");
        }
        return ok(session, "WebServService___GrabaEnvIncActuacionLibreResponse", "");
    }

    /** An ENV_INCIDENCIAS: the shipment's key on the day's list only, the INC and its ACTs, as TIPSA shows them. */
    private static String group(TsSimWorld.Incident i, boolean withKey) {
        TsSimWorld.Shipment s = i.shipment;
        StringBuilder xml = new StringBuilder("<ENV_INCIDENCIAS");
        if (withKey) {
            attr(xml, "V_COD_AGE_CARGO", s.cargo);
            attr(xml, "V_COD_AGE_ORI", s.origin);
            attr(xml, "V_ALBARAN", s.waybill);
        }
        xml.append("><INC");
        attr(xml, "I_ID", i.id);
        attr(xml, "V_COD_TIPO_INC", i.code);
        attr(xml, "T_OBS", i.notes);
        attr(xml, "D_FEC_HORA_CIERRE", i.closedAt == null ? "" : TsSimWorld.DATE.format(i.closedAt));
        attr(xml, "B_RESUELTA", i.resolved ? "True" : "False");
        attr(xml, "D_FEC_HORA_ALTA", TsSimWorld.DATE.format(i.at));
        attr(xml, "V_COD_USU_ALTA", TsSimWorld.AGENCY_USER);
        xml.append("/>");
        for (TsSimWorld.Action a : i.actions) {
            xml.append("<ACT");
            attr(xml, "I_ID", a.id());
            attr(xml, "V_COD_TIPO_ACTU", a.code());
            attr(xml, "V_DES_TIPO_ACTU", a.name());
            attr(xml, "D_FEC_HORA_ALTA", TsSimWorld.DATE.format(a.at()));
            attr(xml, "V_COD_USU_ALTA", a.client().isEmpty() ? TsSimWorld.AGENCY_USER : "");
            attr(xml, "V_COD_AGE", TsSimWorld.AGENCY);
            attr(xml, "B_LEIDA", "False");
            attr(xml, "B_INCL_EMAIL_CLI", "False");
            attr(xml, "V_COD_CLI_ALTA", a.client());
            xml.append("/>");
        }
        return xml.append("</ENV_INCIDENCIAS>").toString();
    }

    private static void attr(StringBuilder row, String name, String value) {
        row.append(' ').append(name).append("=\"").append(escape(value)).append('"');
    }

    /** A query's CONSULTA in CDATA, as TIPSA's examples answer ConsEnvIncidencias and ConsEnvEstados. */
    private static Reply cdata(String session, String method, String field, CharSequence rows) {
        return ok(session, "WebServService___" + method + "Response",
                "<v1:" + field + "><![CDATA[<CONSULTA>" + rows + "</CONSULTA>]]></v1:" + field + ">");
    }

    private static Reply ok(String session, String element, String content) {
        return new Reply(200, PROLOGUE + "<SOAP-ENV:Header><ROClientIDHeader SOAP-ENV:mustUnderstand=\"0\" xmlns=\"urn:DinaPaq\">"
                + "<ID>" + escape(session) + "</ID></ROClientIDHeader></SOAP-ENV:Header><SOAP-ENV:Body xmlns:ro=\"http://tempuri.org/\"><v1:"
                + element + ">" + content + "</v1:" + element + "></SOAP-ENV:Body></SOAP-ENV:Envelope>");
    }

    private static Reply fault(String code, String text) {
        return new Reply(500, PROLOGUE + "<SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>" + escape(code) + "</faultcode><faultstring>"
                + escape(text) + "</faultstring></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>");
    }

    private static final String PROLOGUE = "<?xml version=\"1.0\" encoding=\"utf-8\"?><SOAP-ENV:Envelope "
            + "xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:v1=\"http://tempuri.org/\">";

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        var builder = f.newDocumentBuilder();
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
        return builder.parse(new InputSource(new StringReader(xml)));
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }
}
