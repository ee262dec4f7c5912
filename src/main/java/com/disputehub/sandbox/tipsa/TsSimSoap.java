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
 * The simulated Dinapaq SOAP server, written apart from the adapter so that the adapter is checked against
 * the protocol, not against itself: login with fault codes, the session header on every call, incidents as
 * an escaped CONSULTA document, solutions with Tipsa's error 9, and faults as HTTP 500.
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
                return fault("EROException", "1: Usuario o contraseña incorrectos");
            }
            String id = "{" + UUID.randomUUID().toString().toUpperCase() + "}";
            sessions.add(id);
            return ok("LoginWSService___LoginCliResponse", Map.of("strSesion", id));
        }
        if (!"WebServService".equals(service)) {
            return fault("EROUnknownService", "Unknown service " + service);
        }
        if (session == null || !sessions.contains(session)) {
            return fault("EROSessionNotFound", "Session not found");
        }
        return switch (method) {
            case "ConsEnvIncidenciasFecha" -> incidentsOfDay(params.get("dtFecha"));
            case "ConsEnvIncidencias" -> shipmentIncidents(params);
            case "ConsEnvEstados" -> shipmentStates(params);
            case "GrabaEnvIncActuacionLibre" -> solve(params);
            default -> fault("EROUnknownMethod", "Unknown method " + method);
        };
    }

    /** Forgets every session, as Tipsa does after a while. */
    void expireSessions() {
        sessions.clear();
    }

    private Reply incidentsOfDay(String day) {
        LocalDate date;
        try {
            date = LocalDate.parse(day.trim(), DateTimeFormatter.ofPattern("yyyy/MM/dd"));
        } catch (RuntimeException e) {
            return fault("EConvertError", "'" + day + "' is not a valid date");
        }
        StringBuilder rows = new StringBuilder();
        world.incidentsOn(date).forEach(i -> rows.append(row(i)));
        return consulta("strEnvIncidencias", "ConsEnvIncidenciasFecha", rows);
    }

    private Reply shipmentIncidents(Map<String, String> p) {
        StringBuilder rows = new StringBuilder();
        world.shipment(p.get("strCodAgeCargo"), p.get("strCodAgeOri"), p.get("strAlbaran"))
                .ifPresent(s -> s.incidents.forEach(i -> rows.append(row(i))));
        return consulta("strEnvIncidencias", "ConsEnvIncidencias", rows);
    }

    private Reply shipmentStates(Map<String, String> p) {
        StringBuilder rows = new StringBuilder();
        world.shipment(p.get("strCodAgeCargo"), p.get("strCodAgeOri"), p.get("strAlbaran"))
                .ifPresent(s -> s.states.forEach(st -> rows.append("<ENV_ESTADOS V_COD_AGE_CARGO=\"").append(s.cargo)
                        .append("\" V_COD_AGE_ORI=\"").append(s.origin).append("\" V_ALBARAN=\"").append(s.waybill)
                        .append("\" V_COD_TIPO_EST=\"").append(st.code()).append("\" D_FEC_HORA_ALTA=\"")
                        .append(TsSimWorld.DATE.format(st.at())).append("\"/>")));
        return consulta("strEnvEstados", "ConsEnvEstados", rows);
    }

    private Reply solve(Map<String, String> p) {
        String text = p.getOrDefault("strTexto", "").trim();
        if (text.isEmpty()) {
            return fault("EROException", "2: Tipo de actuación no válido");
        }
        if (!world.solve(p.get("strCodAgeCargo"), p.get("strCodAgeOri"), p.get("strAlbaran"), p.get("intIdEnvInc"), text)) {
            return fault("EROException", "9: La incidencia no existe");
        }
        return ok("WebServService___GrabaEnvIncActuacionLibreResponse", Map.of());
    }

    private static String row(TsSimWorld.Incident i) {
        TsSimWorld.Shipment s = i.shipment;
        StringBuilder row = new StringBuilder("<ENV_INCIDENCIAS");
        attr(row, "V_COD_AGE_CARGO", s.cargo);
        attr(row, "V_COD_AGE_ORI", s.origin);
        attr(row, "V_ALBARAN", s.waybill);
        attr(row, "I_ID_ENV_INC", i.id);
        attr(row, "V_COD_TIPO_INC", i.code);
        attr(row, "V_TIPO_INC", i.type);
        attr(row, "V_MOTIVO", i.reason);
        attr(row, "T_OBS", i.notes);
        attr(row, "F_DISTANCIA_KM", s.distanceKm);
        attr(row, "I_INTENTO", String.valueOf(i.attempt));
        attr(row, "V_REF", s.reference);
        attr(row, "V_NOM_DES", s.recipient);
        attr(row, "D_FEC_HORA_ALTA", TsSimWorld.DATE.format(i.at));
        attr(row, "B_SOLUCIONADA", i.solved ? "1" : "0");
        if (i.solution != null) {
            attr(row, "T_SOLUCION", i.solution);
            attr(row, "D_FEC_SOLUCION", TsSimWorld.DATE.format(i.solutionAt));
        }
        if (i.answer != null) {
            attr(row, "T_RESPUESTA", i.answer);
            attr(row, "D_FEC_RESPUESTA", TsSimWorld.DATE.format(i.answerAt));
        }
        return row.append("/>").toString();
    }

    private static void attr(StringBuilder row, String name, String value) {
        row.append(' ').append(name).append("=\"").append(escape(value)).append('"');
    }

    private static Reply consulta(String field, String method, CharSequence rows) {
        return ok("WebServService___" + method + "Response", Map.of(field, "<CONSULTA>" + rows + "</CONSULTA>"));
    }

    private static Reply ok(String element, Map<String, String> values) {
        StringBuilder xml = new StringBuilder(PROLOGUE).append("<SOAP-ENV:Body><v1:").append(element)
                .append(" xmlns:v1=\"urn:Dinapaq\">");
        values.forEach((k, v) -> xml.append("<v1:").append(k).append('>').append(escape(v)).append("</v1:").append(k).append('>'));
        return new Reply(200, xml.append("</v1:").append(element).append("></SOAP-ENV:Body></SOAP-ENV:Envelope>").toString());
    }

    private static Reply fault(String code, String text) {
        return new Reply(500, PROLOGUE + "<SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>" + escape(code) + "</faultcode><faultstring>"
                + escape(text) + "</faultstring></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>");
    }

    private static final String PROLOGUE = "<?xml version=\"1.0\" encoding=\"utf-8\"?><SOAP-ENV:Envelope "
            + "xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\">";

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
