package com.disputehub.channel.tipsa;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.disputehub.channel.ChannelUnavailableException;
import com.disputehub.support.IntegrationTest;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import tools.jackson.databind.JsonNode;

/** Tipsa's SOAP protocol against a WireMock fake: login and session header, rows good and bad, faults. */
class TipsaContractTest extends IntegrationTest {

    static final String SESSION = "{6B1F0D0E-2C3A-4F55-9E61-0A7C2B3D4E5F}";
    static final String GOOD = "<ENV_INCIDENCIAS V_COD_AGE_CARGO=\"000077\" V_COD_AGE_ORI=\"000078\" V_ALBARAN=\"00000012345678\" "
            + "I_ID_ENV_INC=\"901\" V_COD_TIPO_INC=\"NAM\" V_TIPO_INC=\"Mercancía no aceptada\" V_MOTIVO=\"Pedido anulado / rehusado\" "
            + "T_OBS=\"Cliente rehúsa &lt;b&gt;el paquete&lt;/b&gt;\" F_DISTANCIA_KM=\"12.5\" I_INTENTO=\"2\" V_REF=\"ORD-100-A\" "
            + "V_NOM_DES=\"Ana Pérez\" D_FEC_HORA_ALTA=\"11/20/2026 09:15:00\" B_SOLUCIONADA=\"0\"/>";
    static final String BROKEN = "<ENV_INCIDENCIAS V_ALBARAN=\"00000012345679\" I_ID_ENV_INC=\"902\" ROTO/>";
    static final String NO_ID = "<ENV_INCIDENCIAS V_COD_AGE_CARGO=\"000077\" V_COD_AGE_ORI=\"000078\" V_ALBARAN=\"00000012345680\" "
            + "V_COD_TIPO_INC=\"AUS\"/>";
    static final String STATES = "<ENV_ESTADOS V_COD_TIPO_EST=\"2\" D_FEC_HORA_ALTA=\"11/20/2026 08:00:00\"/>"
            + "<ENV_ESTADOS V_COD_TIPO_EST=\"4\" D_FEC_HORA_ALTA=\"11/20/2026 09:15:00\"/>";

    @BeforeEach
    void login() {
        MIRAKL.stubFor(soap("LoginWSService", "LoginCli").willReturn(ok("LoginWSService___LoginCliResponse",
                "<v1:strSesion>" + SESSION + "</v1:strSesion>")));
        MIRAKL.stubFor(soap("WebServService", "ConsEnvIncidencias<").willReturn(consulta("ConsEnvIncidencias", GOOD)));
        MIRAKL.stubFor(soap("WebServService", "ConsEnvEstados<").willReturn(consulta("ConsEnvEstados", STATES)));
    }

    @Test
    @DisplayName("A day's rows: the good one stored with the carrier's fields, a broken and an incomplete one quarantined")
    void rowsGoodAndBad() {
        MIRAKL.stubFor(soap("WebServService", "ConsEnvIncidenciasFecha").willReturn(consulta("ConsEnvIncidenciasFecha",
                GOOD + BROKEN + NO_ID)));

        sync.poll(accounts.find(TIPSA).orElseThrow());

        JsonNode incident = incident("000077/000078/00000012345678/901");
        assertThat(incident.at("/reason/category").asString()).isEqualTo("REFUSED");
        assertThat(incident.at("/details/attributes/carrier.notes").asString()).isEqualTo("Cliente rehúsa <b>el paquete</b>");
        assertThat(incident.at("/details/attributes/carrier.distanceKm").asString()).isEqualTo("12.5");
        assertThat(incident.at("/details/attributes/carrier.attempt").asString()).isEqualTo("2");
        assertThat(incident.get("orderId").asString()).isEqualTo("ORD-100-A");
        assertThat(incident.get("openedAt").asString()).isEqualTo("2026-11-20T08:15:00Z");
        assertThat(incident.at("/details/history").size()).isEqualTo(3);
        List<String> errors = jdbc.sql("select error from quarantine where account_id = ? order by id").param(TIPSA)
                .query(String.class).list();
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).contains("not well-formed XML");
        assertThat(errors.get(1)).contains("has no I_ID_ENV_INC");

        LoggedRequest day = MIRAKL.findAll(postRequestedFor(urlPathEqualTo("/tipsa/SOAP"))
                .withRequestBody(containing("ConsEnvIncidenciasFecha"))).get(0);
        assertThat(day.getBodyAsString()).contains("<ROClientIDHeader xmlns=\"http://tempuri.org/\"><ID>" + SESSION + "</ID>")
                .containsPattern("<dtFecha>\\d{4}/\\d{2}/\\d{2}</dtFecha>");
        assertThat(day.getHeader("Content-Type")).startsWith("text/xml");
    }

    @Test
    @DisplayName("A lost session (EROSessionNotFound) logs in again and repeats the call once")
    void sessionLost() {
        MIRAKL.stubFor(soap("WebServService", "ConsEnvIncidenciasFecha").inScenario("session").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(fault("EROSessionNotFound", "Session {X} could not be found")).willSetStateTo("renewed"));
        MIRAKL.stubFor(soap("WebServService", "ConsEnvIncidenciasFecha").inScenario("session").whenScenarioStateIs("renewed")
                .willReturn(consulta("ConsEnvIncidenciasFecha", GOOD)));

        sync.poll(accounts.find(TIPSA).orElseThrow());

        assertThat(incident("000077/000078/00000012345678/901")).isNotNull();
        List<LoggedRequest> logins = MIRAKL.findAll(postRequestedFor(urlPathEqualTo("/tipsa/SOAP"))
                .withQueryParam("service", matching("LoginWSService")));
        assertThat(logins).isNotEmpty();
        assertThat(logins.get(0).getBodyAsString()).contains("<LoginWSService___LoginCli").contains("<strCodAge>000077</strCodAge>")
                .contains("<strCod>CLI42</strCod>").contains("<strPass>" + TIPSA_PASSWORD + "</strPass>")
                .doesNotContain("ROClientIDHeader");
    }

    @Test
    @DisplayName("Login fault 3 (IP blocked): the poll fails saying to wait; the password is in no error")
    void ipBlocked() {
        MIRAKL.stubFor(soap("WebServService", "ConsEnvIncidenciasFecha").willReturn(fault("EROSessionNotFound", "Session not found")));
        MIRAKL.stubFor(soap("LoginWSService", "LoginCli").willReturn(fault("EROException", "3: IP bloqueada")));

        assertThatThrownBy(() -> sync.poll(accounts.find(TIPSA).orElseThrow()))
                .isInstanceOfSatisfying(ChannelUnavailableException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(10)));

        String error = jdbc.sql("select last_error from sync_state where account_id = ?").param(TIPSA).query(String.class).single();
        assertThat(error).contains("blocked this IP").contains("10 minutes").doesNotContain(TIPSA_PASSWORD);
        assertThat(jdbc.sql("select count(*) from incident where account_id = ?").param(TIPSA).query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("A solution reaches GrabaEnvIncActuacionLibre with the incident's key; fault 9 ends REJECTED in Tipsa's words")
    void solutionSentAndRefused() {
        MIRAKL.stubFor(soap("WebServService", "ConsEnvIncidenciasFecha").willReturn(consulta("ConsEnvIncidenciasFecha", GOOD)));
        sync.poll(accounts.find(TIPSA).orElseThrow());
        String id = incident("000077/000078/00000012345678/901").get("id").asString();
        MIRAKL.stubFor(soap("WebServService", "GrabaEnvIncActuacionLibre").inScenario("solve").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ok("WebServService___GrabaEnvIncActuacionLibreResponse", "")).willSetStateTo("gone"));
        MIRAKL.stubFor(soap("WebServService", "GrabaEnvIncActuacionLibre").inScenario("solve").whenScenarioStateIs("gone")
                .willReturn(fault("EROException", "9: La incidencia no existe")));

        JsonNode sent = decisions().decide(id, "{\"type\":\"PROVIDE_SOLUTION\",\"text\":\"Entregar mañana & llamar antes\"}");
        assertThat(sent.get("state").asString()).isEqualTo("SENT");
        String body = MIRAKL.findAll(postRequestedFor(urlPathEqualTo("/tipsa/SOAP"))
                .withRequestBody(containing("GrabaEnvIncActuacionLibre"))).get(0).getBodyAsString();
        assertThat(body).contains("<strCodAgeCargo>000077</strCodAgeCargo>").contains("<strCodAgeOri>000078</strCodAgeOri>")
                .contains("<strAlbaran>00000012345678</strAlbaran>").contains("<intIdEnvInc>901</intIdEnvInc>")
                .contains("<strTexto>Entregar mañana &amp; llamar antes</strTexto>");

        JsonNode refused = decisions().decide(id, "{\"type\":\"PROVIDE_SOLUTION\",\"text\":\"Otra vez\"}");
        assertThat(refused.get("state").asString()).isEqualTo("REJECTED");
        assertThat(refused.toString()).contains("9 (the incident does not exist)");
    }

    @Test
    @DisplayName("An outage without a SOAP answer (HTTP 503) fails the poll as unavailable and stores nothing")
    void outage() {
        MIRAKL.stubFor(soap("WebServService", "ConsEnvIncidenciasFecha").willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));

        assertThatThrownBy(() -> sync.poll(accounts.find(TIPSA).orElseThrow())).isInstanceOf(ChannelUnavailableException.class);

        assertThat(jdbc.sql("select last_error from sync_state where account_id = ?").param(TIPSA).query(String.class).single())
                .contains("HTTP 503");
    }

    private JsonNode incident(String externalId) {
        String id = jdbc.sql("select id from incident where account_id = ? and external_id = ?").params(TIPSA, externalId)
                .query(String.class).single();
        return new com.disputehub.support.Api(port).get("/api/incidents/" + id).body().get("incident");
    }

    private static MappingBuilder soap(String service, String method) {
        return post(urlPathEqualTo("/tipsa/SOAP")).withQueryParam("service", matching(service))
                .withRequestBody(containing(service + "___" + method.replace("<", "")
                        + (method.endsWith("<") ? ">" : "")));
    }

    private static ResponseDefinitionBuilder consulta(String method, String rows) {
        String escaped = ("<CONSULTA>" + rows + "</CONSULTA>").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return ok("WebServService___" + method + "Response", "<v1:strEnv>" + escaped + "</v1:strEnv>");
    }

    private static ResponseDefinitionBuilder ok(String element, String content) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml; charset=utf-8")
                .withBody("<?xml version=\"1.0\" encoding=\"utf-8\"?><SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                        + "<SOAP-ENV:Body><v1:" + element + " xmlns:v1=\"urn:Dinapaq\">" + content + "</v1:" + element
                        + "></SOAP-ENV:Body></SOAP-ENV:Envelope>");
    }

    private static ResponseDefinitionBuilder fault(String code, String text) {
        return aResponse().withStatus(500).withHeader("Content-Type", "text/xml; charset=utf-8")
                .withBody("<?xml version=\"1.0\" encoding=\"utf-8\"?><SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                        + "<SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>" + code + "</faultcode><faultstring>" + text
                        + "</faultstring></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>");
    }
}
