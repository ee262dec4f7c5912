package com.disputehub.channel.tipsa;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The SOAP of Dinapaq's RemObjects services: request envelopes with the session header, answers and faults,
 * and the {@code <CONSULTA>} documents that queries return as text (escaped or CDATA), read with a DOM parser
 * that refuses DTDs and external entities: the carrier's text is untrusted, and never matched with a regex.
 */
final class TipsaXml {

    private static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";

    private TipsaXml() {
    }

    /** {@code <Service___Method>} with the parameters as child elements; the session in ROClientIDHeader. */
    static String envelope(String session, String service, String method, Map<String, String> params) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<soap:Envelope xmlns:soap=\"")
                .append(SOAP).append("\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ")
                .append("xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">");
        if (session != null) {
            xml.append("<soap:Header><ROClientIDHeader xmlns=\"http://tempuri.org/\"><ID>").append(escape(session))
                    .append("</ID></ROClientIDHeader></soap:Header>");
        }
        String element = service + "___" + method;
        xml.append("<soap:Body><").append(element).append(" xmlns=\"http://tempuri.org/\">");
        params.forEach((name, value) -> xml.append('<').append(name).append('>').append(escape(value == null ? "" : value))
                .append("</").append(name).append('>'));
        return xml.append("</").append(element).append("></soap:Body></soap:Envelope>").toString();
    }

    /** A SOAP answer: the response element's children by local name, or a fault. */
    record Answer(Map<String, String> values, String faultCode, String faultString) {

        boolean isFault() {
            return faultCode != null || faultString != null;
        }

        /** The fault's leading number ("9: La incidencia no existe" gives 9), or null. */
        String faultNumber() {
            if (faultString == null) {
                return null;
            }
            Matcher m = Pattern.compile("^\\s*(\\d+)\\s*:").matcher(faultString);
            return m.find() ? m.group(1) : null;
        }
    }

    /** Reads a SOAP answer; throws IllegalArgumentException when it is not one. */
    static Answer answer(String xml) {
        Document doc = parse(xml);
        Element body = first(doc.getDocumentElement(), "Body");
        if (body == null) {
            throw new IllegalArgumentException("no SOAP Body");
        }
        Element fault = first(body, "Fault");
        if (fault != null) {
            return new Answer(Map.of(), text(first(fault, "faultcode")), text(first(fault, "faultstring")));
        }
        Element response = firstElement(body);
        Map<String, String> values = new LinkedHashMap<>();
        if (response != null) {
            for (Node n = response.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    values.put(e.getLocalName() != null ? e.getLocalName() : e.getTagName(), e.getTextContent());
                }
            }
        }
        return new Answer(values, null, null);
    }

    /**
     * The {@code <CONSULTA>} document of a query's answer (its text value, escaped or in CDATA), parsed with the
     * hardened parser; IllegalArgumentException when it is not well-formed.
     */
    static Element consulta(String text) {
        return parse(text == null || text.isBlank() ? "<CONSULTA/>" : text.trim()).getDocumentElement();
    }

    /** The child elements of {@code parent} named {@code name}, in document order. */
    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName() != null ? e.getLocalName() : e.getTagName())) {
                found.add(e);
            }
        }
        return found;
    }

    /** An element's attributes, in document order. */
    static Map<String, String> attributes(Element element) {
        NamedNodeMap attributes = element.getAttributes();
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            values.put(attributes.item(i).getNodeName(), attributes.item(i).getNodeValue());
        }
        return values;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static final DocumentBuilderFactory FACTORY = secureFactory();

    private static DocumentBuilderFactory secureFactory() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Element first(Element parent, String localName) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && localName.equals(e.getLocalName())) {
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

    private static String text(Element e) {
        return e == null ? null : e.getTextContent().trim();
    }
}
