package io.shipbridge.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

/**
 * TIPSA's SOAP services as WireMock plays them, answering with recorded-format responses (test resources
 * {@code tipsa/*.xml}): login, GrabaEnvio24, ConsEtiquetaEnvio8, ConsEnvEstados, ConsEnvEstadosRef, BorraEnvio.
 */
public final class TipsaStub {
    public static final String SESSION = "{4ADFBA16-05FC-47AF-BB70-95D7DC61C161}";
    public static final byte[] LABEL_PDF = SampleLabels.pdf();
    private static final DateTimeFormatter TIPSA_TIME =
            DateTimeFormatter.ofPattern("MM/dd/uuuu HH:mm:ss").withZone(ZoneId.of("Europe/Madrid"));

    private final WireMockServer server;

    TipsaStub(WireMockServer server) {
        this.server = server;
    }

    public String baseUrl() {
        return server.baseUrl() + "/SOAP";
    }

    public void reset() {
        server.resetAll();
        server.stubFor(operation("LoginWSService___LoginCli2").willReturn(xml(fixture("login-response.xml"))));
        server.stubFor(operation("WebServService___ConsEtiquetaEnvio8").willReturn(xml(fixture(
                "cons-etiqueta-envio-8-response.xml").replace("{LABEL_BASE64}",
                        Base64.getMimeEncoder().encodeToString(LABEL_PDF)))));
        server.stubFor(operation("WebServService___ConsEnvEstadosRef").atPriority(10).willReturn(xml(
                fixture("cons-env-estados-ref-response.xml").replace("{STATES}", ""))));
        server.stubFor(operation("WebServService___ConsEnvEstados").atPriority(10).willReturn(xml(
                fixture("cons-env-estados-response.xml").replace("{STATES}", ""))));
        server.stubFor(operation("WebServService___BorraEnvio").willReturn(xml(
                fixture("borra-envio-response.xml").replace("{CODE}", "0"))));
    }

    /**
     * GrabaEnvio24 for this order reference records a shipment with this albarán; from then on, as at TIPSA,
     * ConsEnvEstadosRef finds it under the reference.
     */
    public void shipmentFor(String orderId, String albaran) {
        slowShipmentFor(orderId, albaran, 0);
    }

    /** As {@link #shipmentFor}, answering only after {@code delayMillis}, as a slow TIPSA does. */
    public void slowShipmentFor(String orderId, String albaran, int delayMillis) {
        String scenario = "tipsa-" + orderId;
        server.stubFor(operation("WebServService___GrabaEnvio24").inScenario(scenario)
                .willSetStateTo("recorded")
                .withRequestBody(containing("<tem:strRef>" + orderId + "</tem:strRef>"))
                .willReturn(xml(created(albaran)).withFixedDelay(delayMillis)));
        server.stubFor(operation("WebServService___ConsEnvEstadosRef").inScenario(scenario)
                .whenScenarioStateIs("recorded")
                .withRequestBody(containing("<tem:strRef>" + orderId + "</tem:strRef>"))
                .willReturn(xml(byReference(albaran))));
    }

    /**
     * As {@link #shipmentFor}, but the answer is lost on the way: TIPSA records the shipment and the connection drops
     * before any answer, as after a client's timeout but at once, whatever the machine's speed.
     */
    public void lostAnswerFor(String orderId, String albaran) {
        String scenario = "tipsa-" + orderId;
        server.stubFor(operation("WebServService___GrabaEnvio24").inScenario(scenario)
                .willSetStateTo("recorded")
                .withRequestBody(containing("<tem:strRef>" + orderId + "</tem:strRef>"))
                .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        server.stubFor(operation("WebServService___ConsEnvEstadosRef").inScenario(scenario)
                .whenScenarioStateIs("recorded")
                .withRequestBody(containing("<tem:strRef>" + orderId + "</tem:strRef>"))
                .willReturn(xml(byReference(albaran))));
    }

    /** BorraEnvio answers this {@code intCodErrorOut}: 0 deleted, 1 not found, 2 not allowed (picked up). */
    public void cancelAnswers(int code) {
        server.stubFor(operation("WebServService___BorraEnvio").atPriority(1).willReturn(xml(
                fixture("borra-envio-response.xml").replace("{CODE}", Integer.toString(code)))));
    }

    /** ConsEtiquetaEnvio8 answers these bytes as the label, whatever they are. */
    public void labelIs(byte[] content) {
        server.stubFor(operation("WebServService___ConsEtiquetaEnvio8").atPriority(1).willReturn(xml(fixture(
                "cons-etiqueta-envio-8-response.xml").replace("{LABEL_BASE64}",
                        Base64.getMimeEncoder().encodeToString(content)))));
    }

    /** ConsEnvEstadosRef for this reference finds this albarán, whatever was created. */
    public void knownReference(String orderId, String albaran) {
        server.stubFor(operation("WebServService___ConsEnvEstadosRef")
                .withRequestBody(containing("<tem:strRef>" + orderId + "</tem:strRef>"))
                .willReturn(xml(byReference(albaran))));
    }

    private static String byReference(String albaran) {
        String rows = "<CONSULTA><ENV_ESTADOS_REF V_COD_AGE_CARGO=\"000123\" V_COD_AGE_ORI=\"000123\" V_ALBARAN=\""
                + albaran + "\" V_COD_TIPO_EST=\"0\" D_FEC_HORA_ALTA=\"11/20/2026 10:39:36\"/></CONSULTA>";
        return fixture("cons-env-estados-ref-response.xml").replace("{STATES}", escape(rows));
    }

    /** A tracking state: TIPSA's code and when it happened. */
    public record State(String code, Instant at) {
    }

    /** ConsEnvEstados for this albarán lists these states. */
    public void states(String albaran, List<State> states) {
        StringBuilder rows = new StringBuilder("<CONSULTA>");
        int id = 1;
        for (State state : states) {
            rows.append("<ENV_ESTADOS I_ID=\"").append(id++).append("\" V_COD_TIPO_EST=\"").append(state.code())
                    .append("\" D_FEC_HORA_ALTA=\"").append(TIPSA_TIME.format(state.at()))
                    .append("\" V_COD_AGE_ALTA=\"002800\" B_ULT=\"False\"/>");
        }
        rows.append("</CONSULTA>");
        server.stubFor(operation("WebServService___ConsEnvEstados")
                .withRequestBody(containing("<tem:strAlbaran>" + albaran + "</tem:strAlbaran>"))
                .willReturn(xml(fixture("cons-env-estados-response.xml").replace("{STATES}", escape(rows.toString())))));
    }

    /** The operation answers a SOAP Fault with HTTP 500, as RemObjects services do. */
    public void fault(String operation, String faultString) {
        server.stubFor(operation(operation).atPriority(1).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "text/xml; charset=utf-8")
                .withBody(fixture("fault-response.xml").replace("{FAULT}", faultString))));
    }

    /** The operation answers an HTML error page from a proxy. */
    public void errorPage(String operation, int status) {
        server.stubFor(operation(operation).atPriority(1).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "text/html").withBody(Fixtures.resource("io/shipbridge/carrier/tipsa/error-page.html"))));
    }

    public int calls(String operation) {
        return server.findAll(postRequestedFor(urlPathEqualTo("/SOAP"))
                .withRequestBody(containing(operation))).size();
    }

    public List<String> bodies(String operation) {
        return server.findAll(postRequestedFor(urlPathEqualTo("/SOAP")).withRequestBody(containing(operation)))
                .stream().map(r -> r.getBodyAsString()).toList();
    }

    public static String created(String albaran) {
        return fixture("graba-envio-24-response.xml").replace("{ALBARAN}", albaran);
    }

    public static String fixture(String name) {
        return Fixtures.resource("io/shipbridge/carrier/tipsa/" + name).replace("{SESSION}", SESSION);
    }

    private static MappingBuilder operation(String operation) {
        return post(urlPathEqualTo("/SOAP")).withRequestBody(containing(operation + ">"));
    }

    private static ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml; charset=utf-8").withBody(body);
    }

    private static String escape(String xml) {
        return xml.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
