package com.disputehub.channel.tipsa;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** Answers of Dinapaq's SOAP services as TIPSA's WSDL and examples show them, for the fakes of Tipsa's tests. */
final class TipsaSoap {

    static final String SESSION = "{DECA66DC-FDD9-4FAD-8CD6-BEA204A01D6E}";

    private TipsaSoap() {
    }

    /** A CONSULTA in CDATA, as TIPSA's examples answer ConsEnvIncidencias and ConsEnvEstados. */
    static ResponseDefinitionBuilder cdata(String method, String field, String consulta) {
        return ok("WebServService___" + method + "Response", "<v1:" + field + "><![CDATA[" + consulta + "]]></v1:" + field + ">");
    }

    /** A CONSULTA escaped, as TIPSA's example answers ConsEnvio. */
    static ResponseDefinitionBuilder escaped(String method, String field, String consulta) {
        return ok("WebServService___" + method + "Response", "<v1:" + field + ">"
                + consulta.replace("&", "&amp;").replace("<", "&lt;") + "</v1:" + field + ">");
    }

    /** An answer as TIPSA's examples show it: the session in ROClientIDHeader (urn:DinaPaq), v1 = tempuri. */
    static ResponseDefinitionBuilder ok(String element, String content) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml; charset=utf-8")
                .withBody("<SOAP-ENV:Envelope xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                        + "xmlns:HNS=\"http://tempuri.org/\" xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:v1=\"http://tempuri.org/\">"
                        + "<SOAP-ENV:Header><ROClientIDHeader SOAP-ENV:mustUnderstand=\"0\" xmlns=\"urn:DinaPaq\"><ID>" + SESSION + "</ID>"
                        + "</ROClientIDHeader></SOAP-ENV:Header><SOAP-ENV:Body xmlns:ro=\"http://tempuri.org/\"><v1:" + element + ">"
                        + content + "</v1:" + element + "></SOAP-ENV:Body></SOAP-ENV:Envelope>");
    }

    static ResponseDefinitionBuilder fault(String code, String text) {
        return aResponse().withStatus(500).withHeader("Content-Type", "text/xml; charset=utf-8")
                .withBody("<?xml version=\"1.0\" encoding=\"utf-8\"?><SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                        + "<SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>" + code + "</faultcode><faultstring>" + text
                        + "</faultstring></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>");
    }
}
