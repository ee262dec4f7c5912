package com.disputehub.channel.tipsa;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.disputehub.channel.ChannelRejectedException;
import com.disputehub.channel.ChannelUnavailableException;
import com.disputehub.channel.DecisionTarget;
import com.disputehub.channel.Reconciliation;
import com.disputehub.channel.command.ProvideSolution;
import com.disputehub.incident.IncidentStore;
import com.disputehub.support.IntegrationTest;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import tools.jackson.databind.JsonNode;

/**
 * Tipsa's SOAP protocol against a WireMock fake whose answers follow TIPSA's published examples (its WSDL and
 * Ejemplos): the session header, CONSULTA documents in CDATA or escaped, ENV_INCIDENCIAS with INC and ACT.
 */
class TipsaContractTest extends IntegrationTest {

    static final String SESSION = TipsaSoap.SESSION;
    static final String KEY = "000077/000078/0012345678/1";

    @Autowired
    TipsaAdapter adapter;
    @Autowired
    IncidentStore store;

    @BeforeEach
    void login() {
        MIRAKL.stubFor(soap("LoginWSService", "LoginCli").willReturn(TipsaSoap.ok("LoginWSService___LoginCliResponse",
                "<v1:Result>true</v1:Result><v1:strNom>TIENDA DEMO</v1:strNom><v1:strCodCR/><v1:strTipo>4</v1:strTipo>"
                        + "<v1:strVersion>0.01.71</v1:strVersion><v1:strError>0</v1:strError><v1:strSesion>" + SESSION + "</v1:strSesion>")));
        MIRAKL.stubFor(soap("WebServService", "ConsEnvio<").willReturn(TipsaSoap.escaped("ConsEnvio", "strEnvio", fixture("shipment.xml"))));
        MIRAKL.stubFor(soap("WebServService", "ConsEnvIncidencias<").willReturn(TipsaSoap.cdata("ConsEnvIncidencias", "strEnvIncidencias",
                fixture("shipment-incidents.xml"))));
        MIRAKL.stubFor(soap("WebServService", "ConsEnvEstados<").willReturn(TipsaSoap.cdata("ConsEnvEstados", "strEnvEstados",
                fixture("shipment-states.xml"))));
    }

    void day(String consulta) {
        MIRAKL.stubFor(soap("WebServService", "ConsEnvIncidenciasFecha").willReturn(TipsaSoap.cdata("ConsEnvIncidenciasFecha",
                "strEnvIncidencias", consulta)));
    }

    @Test
    @DisplayName("C1, C2: a day's incidents in TIPSA's published shape are stored with code, notes and the shipment's reference and contact; one without its shipment or id is quarantined alone")
    void publishedShape() {
        day(fixture("day.xml"));

        sync.poll(accounts.find(TIPSA).orElseThrow());

        JsonNode incident = incident(KEY);
        assertThat(incident.at("/reason/category").asString()).isEqualTo("REFUSED");
        assertThat(incident.at("/reason/rawCode").asString()).isEqualTo("NAM");
        assertThat(incident.at("/details/attributes/carrier.notes").asString()).isEqualTo("Cliente rehúsa <b>el paquete</b>");
        assertThat(incident.at("/details/attributes/carrier.recipientPhone").asString()).isEqualTo("600123123");
        assertThat(incident.at("/details/attributes/carrier.recipientAddress").asString()).isEqualTo("Calle Betis 12, 41010, Sevilla");
        assertThat(incident.at("/details/attributes").has("carrier.distanceKm")).as("not published by TIPSA: unknown").isFalse();
        assertThat(incident.at("/details/attributes").has("carrier.attempt")).isFalse();
        assertThat(incident.get("orderId").asString()).isEqualTo("ORD-100-A");
        assertThat(incident.get("buyerName").asString()).isEqualTo("Ana Pérez");
        assertThat(incident.get("openedAt").asString()).isEqualTo("2026-11-20T08:15:00Z");
        assertThat(incident.get("status").asString()).isEqualTo("NEEDS_SELLER_ACTION");
        assertThat(incident.at("/details/history").size()).as("3 states, the incident, its opening action").isEqualTo(5);
        List<String> errors = jdbc.sql("select error from quarantine where account_id = ? order by id").param(TIPSA)
                .query(String.class).list();
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).contains("has no V_ALBARAN");
        assertThat(errors.get(1)).contains("has no I_ID");

        LoggedRequest dayCall = MIRAKL.findAll(postRequestedFor(urlPathEqualTo("/tipsa/SOAP"))
                .withRequestBody(containing("ConsEnvIncidenciasFecha"))).get(0);
        assertThat(dayCall.getBodyAsString()).contains("<ROClientIDHeader xmlns=\"http://tempuri.org/\"><ID>" + SESSION + "</ID>")
                .containsPattern("<dtFecha>\\d{4}/\\d{2}/\\d{2}</dtFecha>");
        assertThat(dayCall.getHeader("Content-Type")).startsWith("text/xml");
    }

    @Test
    @DisplayName("C1: a day whose CONSULTA is not well-formed XML is quarantined whole, as it came, never half-read")
    void malformedDay() {
        day("<CONSULTA><ENV_INCIDENCIAS V_ALBARAN=\"0012345679\" ROTO><INC I_ID=\"2\"/></ENV_INCIDENCIAS></CONSULTA>");

        sync.poll(accounts.find(TIPSA).orElseThrow());

        assertThat(jdbc.sql("select count(*) from incident where account_id = ?").param(TIPSA).query(Long.class).single()).isZero();
        List<String> errors = jdbc.sql("select error from quarantine where account_id = ?").param(TIPSA).query(String.class).list();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).contains("not well-formed XML");
    }

    @Test
    @DisplayName("C4: after the seller's action Tipsa's later action turns the incident yellow (decision sent, to review)")
    void carrierAnswered() {
        MIRAKL.stubFor(soap("WebServService", "ConsEnvIncidencias<").willReturn(TipsaSoap.cdata("ConsEnvIncidencias", "strEnvIncidencias",
                fixture("shipment-incidents.xml").replace("</ENV_INCIDENCIAS>", action(2, "SOLUCIÓN DEL CLIENTE", "11/20/2026 12:00:00", "CLI42")
                        + action(3, "NUEVA ENTREGA CONCERTADA", "11/20/2026 16:30:00", "") + "</ENV_INCIDENCIAS>"))));
        day(fixture("day.xml"));

        sync.poll(accounts.find(TIPSA).orElseThrow());

        JsonNode incident = incident(KEY);
        assertThat(incident.get("status").asString()).isEqualTo("DECISION_SENT");
        assertThat(incident.get("flags").toString()).contains("NEEDS_REVIEW");
        assertThat(incident.at("/messages/0/author").asString()).isEqualTo("SELLER");
        assertThat(incident.at("/messages/1/author").asString()).isEqualTo("CARRIER");
        assertThat(incident.at("/messages/1/body").asString()).isEqualTo("NUEVA ENTREGA CONCERTADA");
    }

    @Test
    @DisplayName("A lost session (EROSessionNotFound) logs in again and repeats the call once")
    void sessionLost() {
        MIRAKL.stubFor(soap("WebServService", "ConsEnvIncidenciasFecha").inScenario("session").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(TipsaSoap.fault("EROSessionNotFound", "Session {X} could not be found")).willSetStateTo("renewed"));
        MIRAKL.stubFor(soap("WebServService", "ConsEnvIncidenciasFecha").inScenario("session").whenScenarioStateIs("renewed")
                .willReturn(TipsaSoap.cdata("ConsEnvIncidenciasFecha", "strEnvIncidencias", fixture("day.xml"))));

        sync.poll(accounts.find(TIPSA).orElseThrow());

        assertThat(incident(KEY)).isNotNull();
        List<LoggedRequest> logins = MIRAKL.findAll(postRequestedFor(urlPathEqualTo("/tipsa/SOAP"))
                .withQueryParam("service", matching("LoginWSService")));
        assertThat(logins).isNotEmpty();
        assertThat(logins.get(0).getBodyAsString()).contains("<LoginWSService___LoginCli").contains("<strCodAge>000077</strCodAge>")
                .contains("<strCod>CLI42</strCod>").contains("<strPass>" + TIPSA_PASSWORD + "</strPass>")
                .doesNotContain("ROClientIDHeader");
    }

    @Test
    @DisplayName("Login refused as TIPSA refuses it (faultcode Exception, '1: ...'): a clear refusal; the password is in no error")
    void wrongPassword() {
        MIRAKL.stubFor(soap("WebServService", "ConsEnvIncidenciasFecha").willReturn(TipsaSoap.fault("EROSessionNotFound", "Session not found")));
        MIRAKL.stubFor(soap("LoginWSService", "LoginCli").willReturn(TipsaSoap.fault("Exception", "1: Cliente o password incorrecto.")));

        assertThatThrownBy(() -> sync.poll(accounts.find(TIPSA).orElseThrow())).isInstanceOf(ChannelRejectedException.class)
                .hasMessageContaining("wrong agency, client code or password").hasMessageNotContaining(TIPSA_PASSWORD);
    }

    @Test
    @DisplayName("Login fault 3 (IP blocked): the poll fails saying to wait; the password is in no error")
    void ipBlocked() {
        MIRAKL.stubFor(soap("WebServService", "ConsEnvIncidenciasFecha").willReturn(TipsaSoap.fault("EROSessionNotFound", "Session not found")));
        MIRAKL.stubFor(soap("LoginWSService", "LoginCli").willReturn(TipsaSoap.fault("Exception", "3: IP bloqueada")));

        assertThatThrownBy(() -> sync.poll(accounts.find(TIPSA).orElseThrow()))
                .isInstanceOfSatisfying(ChannelUnavailableException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(10)));

        String error = jdbc.sql("select last_error from sync_state where account_id = ?").param(TIPSA).query(String.class).single();
        assertThat(error).contains("blocked this IP").contains("10 minutes").doesNotContain(TIPSA_PASSWORD);
        assertThat(jdbc.sql("select count(*) from incident where account_id = ?").param(TIPSA).query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("C4: a solution reaches GrabaEnvIncActuacionLibre (the coded action takes no text) with the incident's key; fault 9 ends REJECTED")
    void solutionSentAndRefused() {
        day(fixture("day.xml"));
        sync.poll(accounts.find(TIPSA).orElseThrow());
        String id = incident(KEY).get("id").asString();
        MIRAKL.stubFor(soap("WebServService", "GrabaEnvIncActuacionLibre").inScenario("solve").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(TipsaSoap.ok("WebServService___GrabaEnvIncActuacionLibreResponse", "")).willSetStateTo("gone"));
        MIRAKL.stubFor(soap("WebServService", "GrabaEnvIncActuacionLibre").inScenario("solve").whenScenarioStateIs("gone")
                .willReturn(TipsaSoap.fault("Exception", "9: La incidencia no existe")));

        JsonNode sent = decisions().decide(id, "{\"type\":\"PROVIDE_SOLUTION\",\"text\":\"Entregar mañana & llamar antes\"}");
        assertThat(sent.get("state").asString()).isEqualTo("SENT");
        List<LoggedRequest> actions = MIRAKL.findAll(postRequestedFor(urlPathEqualTo("/tipsa/SOAP"))
                .withRequestBody(containing("GrabaEnvIncActuacion")));
        assertThat(actions.get(0).getBodyAsString()).contains("WebServService___GrabaEnvIncActuacionLibre>")
                .contains("<strCodAgeCargo>000077</strCodAgeCargo>").contains("<strCodAgeOri>000078</strCodAgeOri>")
                .contains("<strAlbaran>0012345678</strAlbaran>").contains("<intIdEnvInc>1</intIdEnvInc>")
                .contains("<strTexto>Entregar mañana &amp; llamar antes</strTexto>");

        JsonNode refused = decisions().decide(id, "{\"type\":\"PROVIDE_SOLUTION\",\"text\":\"Otra vez\"}");
        assertThat(refused.get("state").asString()).isEqualTo("REJECTED");
        assertThat(refused.toString()).contains("9 (the incident does not exist)");
    }

    @Test
    @DisplayName("X4: a lost answer is reconciled by an action of this client on the incident since the attempt: applied, not applied, or cannot tell")
    void reconciliation() {
        day(fixture("day.xml"));
        sync.poll(accounts.find(TIPSA).orElseThrow());
        DecisionTarget target = DecisionTarget.of(store.find(UUID.fromString(incident(KEY).get("id").asString())).orElseThrow());
        ProvideSolution solution = new ProvideSolution("Entregar mañana");
        Instant attempt = Instant.parse("2026-11-20T10:59:00Z");

        assertThat(adapter.reconcile(accounts.find(TIPSA).orElseThrow(), target, solution, "d-1", attempt).outcome())
                .as("only the opening action").isEqualTo(Reconciliation.Outcome.NOT_APPLIED);

        MIRAKL.stubFor(soap("WebServService", "ConsEnvIncidencias<").willReturn(TipsaSoap.cdata("ConsEnvIncidencias", "strEnvIncidencias",
                fixture("shipment-incidents.xml").replace("</ENV_INCIDENCIAS>",
                        action(2, "SOLUCIÓN DEL CLIENTE", "11/20/2026 12:00:00", "CLI42") + "</ENV_INCIDENCIAS>"))));
        assertThat(adapter.reconcile(accounts.find(TIPSA).orElseThrow(), target, solution, "d-1", attempt).outcome())
                .isEqualTo(Reconciliation.Outcome.APPLIED);

        MIRAKL.stubFor(soap("WebServService", "ConsEnvIncidencias<").willReturn(TipsaSoap.cdata("ConsEnvIncidencias", "strEnvIncidencias",
                "<CONSULTA/>")));
        assertThat(adapter.reconcile(accounts.find(TIPSA).orElseThrow(), target, solution, "d-1", attempt).outcome())
                .as("the incident is not there to look at").isEqualTo(Reconciliation.Outcome.UNKNOWN);
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

    private static String action(int id, String name, String at, String client) {
        return "<ACT I_ID=\"" + id + "\" V_COD_TIPO_ACTU=\"\" V_DES_TIPO_ACTU=\"" + name + "\" D_FEC_HORA_ALTA=\"" + at
                + "\" V_COD_USU_ALTA=\"\" V_COD_AGE=\"000078\" B_LEIDA=\"False\" B_INCL_EMAIL_CLI=\"False\" V_TIPO=\"\" V_COD_CLI_ALTA=\""
                + client + "\"/>";
    }

    static String fixture(String name) {
        try (InputStream in = TipsaContractTest.class.getResourceAsStream("/tipsa/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MappingBuilder soap(String service, String method) {
        return post(urlPathEqualTo("/tipsa/SOAP")).withQueryParam("service", matching(service))
                .withRequestBody(containing(service + "___" + method.replace("<", "")
                        + (method.endsWith("<") ? ">" : "")));
    }
}
