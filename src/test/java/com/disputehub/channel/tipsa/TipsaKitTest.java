package com.disputehub.channel.tipsa;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.disputehub.channel.Reconciliation;
import com.disputehub.channel.command.DecisionType;
import com.disputehub.channel.contract.ChannelAdapterContract;
import com.disputehub.channel.contract.KitDecision;
import com.disputehub.channel.contract.KitReads;
import com.disputehub.channel.contract.KitRecord;
import com.disputehub.support.Fixtures;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * The Tipsa adapter passes the kit (DOMAIN X8) against a fake of Dinapaq's SOAP services, shaped on TIPSA's WSDL
 * and examples: LoginCli for the session, one page per day of ConsEnvIncidenciasFecha (from lookback-days ago to
 * today), each shipment's ConsEnvio, ConsEnvIncidencias and ConsEnvEstados, and GrabaEnvIncActuacionLibre; fixtures
 * in {@code src/test/resources/tipsa/kit}.
 */
class TipsaKitTest extends ChannelAdapterContract {

    static final String PASSWORD = "kit-tipsa-password-8080";
    static final String CLIENT = "CLI42";
    static final String SOAP = "/SOAP";
    static final ZoneId ZONE = ZoneId.of("Europe/Madrid");
    /** Each served shipment's incidents document, by waybill: the per-shipment calls answer from it. */
    static final Map<String, String> INCIDENTS = new ConcurrentHashMap<>();
    static final WireMockServer FAKE = startFake(new ByWaybill());

    private final List<String> days = new ArrayList<>();

    @DynamicPropertySource
    static void kitAccount(DynamicPropertyRegistry registry) {
        account(registry, "tipsa", FAKE.baseUrl(), Map.of("agency", "000077", "client", CLIENT, "password", PASSWORD),
                Map.of("lookback-days", "2", "time-zone", ZONE.getId()));
    }

    @Override
    protected WireMockServer fake() {
        return FAKE;
    }

    @Override
    protected void prepare() {
        INCIDENTS.clear();
        FAKE.stubFor(soap("LoginWSService", "LoginCli").willReturn(TipsaSoap.ok("LoginWSService___LoginCliResponse",
                "<v1:Result>true</v1:Result><v1:strNom>TIENDA DEMO</v1:strNom><v1:strCodCR/><v1:strTipo>4</v1:strTipo>"
                        + "<v1:strVersion>0.01.71</v1:strVersion><v1:strError>0</v1:strError><v1:strSesion>" + TipsaSoap.SESSION + "</v1:strSesion>")));
        for (String method : List.of("ConsEnvio", "ConsEnvIncidencias", "ConsEnvEstados")) {
            FAKE.stubFor(soap("WebServService", method + ">").willReturn(TipsaSoap.ok("", "").withTransformers(ByWaybill.NAME)));
        }
    }

    /** Pages are days: the kit's accounts look two days back, so three pages are the day before yesterday to today. */
    @Override
    protected void serve(List<List<KitRecord>> pages, int failing) {
        if (pages.size() > 3) {
            throw new IllegalArgumentException("the kit account reads three days");
        }
        LocalDate today = LocalDate.now(ZONE);
        List<List<KitRecord>> byDay = new ArrayList<>(List.of(List.of(), List.of(), List.of()));
        for (int i = 0; i < pages.size(); i++) {
            byDay.set(i, pages.get(i));
        }
        days.clear();
        for (int i = 0; i < 3; i++) {
            String day = today.minusDays(2 - i).format(DateTimeFormatter.ofPattern("yyyy/MM/dd"));
            days.add(day);
            byDay.get(i).stream().filter(r -> r.kind() != KitRecord.Kind.MALFORMED).forEach(r -> INCIDENTS.put(waybill(r), incidents(r, "")));
            String consulta = "<CONSULTA>" + byDay.get(i).stream().map(r -> incident(r, "")).collect(Collectors.joining()) + "</CONSULTA>";
            FAKE.stubFor(soap("WebServService", "ConsEnvIncidenciasFecha").withRequestBody(containing("<dtFecha>" + day + "</dtFecha>"))
                    .willReturn(i == failing ? aResponse().withStatus(500).withBody("Internal Server Error")
                            : TipsaSoap.cdata("ConsEnvIncidenciasFecha", "strEnvIncidencias", consulta)));
        }
    }

    @Override
    protected boolean asksForPage(LoggedRequest request, int index) {
        String body = request.getBodyAsString();
        return body.contains("ConsEnvIncidenciasFecha") && body.contains("<dtFecha>" + days.get(index) + "</dtFecha>");
    }

    @Override
    protected String externalId(KitRecord record) {
        return "000077/000078/" + waybill(record) + "/1";
    }

    @Override
    protected String unknownReasonCode() {
        return "ZQX";
    }

    @Override
    protected KitDecision decision(DecisionType type, KitRecord record) {
        return switch (type) {
            case PROVIDE_SOLUTION -> {
                FAKE.stubFor(soap("WebServService", "GrabaEnvIncActuacionLibre")
                        .willReturn(TipsaSoap.ok("WebServService___GrabaEnvIncActuacionLibreResponse", "")));
                yield new KitDecision("{\"type\":\"PROVIDE_SOLUTION\",\"text\":\"Entregar mañana por la tarde\"}", "POST", SOAP,
                        "GrabaEnvIncActuacionLibre");
            }
            case CONTACT_ATTEMPT -> KitDecision.recordedOnly("{\"type\":\"CONTACT_ATTEMPT\",\"note\":\"Llamado a las 10:00\"}");
            default -> throw new IllegalArgumentException("Tipsa does not take " + type);
        };
    }

    /** Tipsa refuses with a SOAP fault whose text starts with its number. */
    @Override
    protected String refuse(KitDecision decision, KitRecord record) {
        FAKE.stubFor(soap("WebServService", "GrabaEnvIncActuacionLibre").atPriority(1)
                .willReturn(TipsaSoap.fault("Exception", "9: La incidencia no existe")));
        return "9";
    }

    /** An action of this client recorded since the attempt means the solution arrived; the incident gone, nothing to tell. */
    @Override
    protected void readBack(KitDecision decision, KitRecord record, Reconciliation.Outcome shown) {
        switch (shown) {
            case APPLIED -> INCIDENTS.put(waybill(record), incidents(record, "<ACT I_ID=\"2\" V_COD_TIPO_ACTU=\"LIB\" "
                    + "V_DES_TIPO_ACTU=\"ACTUACIÓN LIBRE\" D_FEC_HORA_ALTA=\""
                    + ZonedDateTime.now(ZONE).plusMinutes(1).format(DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss"))
                    + "\" V_COD_USU_ALTA=\"\" V_COD_AGE=\"\" V_TIPO=\"EXT\" V_COD_CLI_ALTA=\"" + CLIENT + "\"/>"));
            case NOT_APPLIED -> INCIDENTS.put(waybill(record), incidents(record, ""));
            case UNKNOWN -> INCIDENTS.put(waybill(record), "<CONSULTA></CONSULTA>");
        }
    }

    @Override
    protected Collection<String> secrets() {
        return List.of(PASSWORD);
    }

    /** A waybill of ten digits for a kit record, stable across runs. */
    static String waybill(KitRecord record) {
        return String.format("%010d", Math.floorMod(record.id().hashCode(), 1_000_000_000));
    }

    /** One ENV_INCIDENCIAS row as ConsEnvIncidenciasFecha lists it; a malformed one has no waybill. */
    static String incident(KitRecord record, String actions) {
        String row = Fixtures.text("tipsa/kit/incident.xml").strip().replace("${actions}", actions);
        return switch (record.kind()) {
            case NORMAL -> row.replace("${waybillAttribute}", "V_ALBARAN=\"" + waybill(record) + "\"").replace("${code}", "NAM")
                    .replace("${notes}", "Cliente rehúsa el paquete");
            case UNKNOWN_VALUES -> row.replace("${waybillAttribute}", "V_ALBARAN=\"" + waybill(record) + "\"").replace("${code}", "ZQX")
                    .replace("${notes}", "Zzqx vlorp");
            case MALFORMED -> row.replace("${waybillAttribute}", "").replace("${code}", "NAM").replace("${notes}", "sin albarán");
        };
    }

    /** The shipment's incidents, as ConsEnvIncidencias answers them (without the key attributes). */
    static String incidents(KitRecord record, String actions) {
        return "<CONSULTA>" + incident(record, actions).replaceFirst("<ENV_INCIDENCIAS [^>]*>", "<ENV_INCIDENCIAS>") + "</CONSULTA>";
    }

    private static MappingBuilder soap(String service, String method) {
        return post(urlPathEqualTo(SOAP)).withQueryParam("service", equalTo(service))
                .withRequestBody(containing(service + "___" + method));
    }

    /** ConsEnvio, ConsEnvIncidencias and ConsEnvEstados of one shipment, answered from what was served. */
    static final class ByWaybill extends KitReads {

        static final String NAME = "tipsa-by-waybill";
        private static final Pattern WAYBILL = Pattern.compile("<strAlbaran>([^<]*)</strAlbaran>");
        private static final Pattern METHOD = Pattern.compile("WebServService___(\\w+)");

        ByWaybill() {
            super(NAME);
        }

        @Override
        protected String body(Request request) {
            String body = request.getBodyAsString();
            Matcher waybill = WAYBILL.matcher(body);
            Matcher method = METHOD.matcher(body);
            String number = waybill.find() ? waybill.group(1) : "";
            String name = method.find() ? method.group(1) : "";
            return switch (name) {
                case "ConsEnvio" -> TipsaSoap.ok("WebServService___ConsEnvioResponse", "<v1:strEnvio>"
                        + Fixtures.text("tipsa/kit/shipment.xml").strip().replace("${waybill}", number).replace("&", "&amp;").replace("<", "&lt;")
                        + "</v1:strEnvio>").build().getBody();
                case "ConsEnvIncidencias" -> TipsaSoap.cdata("ConsEnvIncidencias", "strEnvIncidencias",
                        INCIDENTS.getOrDefault(number, "<CONSULTA></CONSULTA>")).build().getBody();
                default -> TipsaSoap.cdata("ConsEnvEstados", "strEnvEstados", Fixtures.text("tipsa/kit/states.xml").strip()).build().getBody();
            };
        }
    }
}
