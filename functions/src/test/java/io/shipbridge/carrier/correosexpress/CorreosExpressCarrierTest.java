package io.shipbridge.carrier.correosexpress;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.shipbridge.carrier.Carrier;
import io.shipbridge.carrier.CarrierContext;
import io.shipbridge.carrier.CarrierModules;
import io.shipbridge.carrier.CarrierRejectedException;
import io.shipbridge.carrier.CarrierUnavailableException;
import io.shipbridge.carrier.CreatedShipment;
import io.shipbridge.config.Config;
import io.shipbridge.http.HttpSender;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.testing.MutableClock;
import io.shipbridge.testing.SampleLabels;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Correos Express client over HTTP, against WireMock answering as CEX does. */
class CorreosExpressCarrierTest {
    private static final String CREATE = "/wsps/apiRestGrabacionEnviok8s/json/grabacionEnvio";
    private static final String TRACKING = "/wsps/apiRestSeguimientoEnviosk8s/json/seguimientoEnvio";

    private final WireMockServer cex = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private final List<OperationRecord> operations = new ArrayList<>();
    private Carrier carrier;

    @BeforeEach
    void start() {
        cex.start();
        Config config = Config.of(Map.of("CORREOSEXPRESS_BASE_URL", cex.baseUrl() + "/wsps",
                "CORREOSEXPRESS_USER", "123450001_WS", "CORREOSEXPRESS_REQUESTER", "I123450001",
                "CORREOSEXPRESS_CLIENT_CODE", "123450001"));
        carrier = CarrierModules.installed().find("correosexpress").orElseThrow().connect(new CarrierContext(config,
                field -> () -> "cex-password", HttpSender.of(HttpClient.newHttpClient()), operations::add,
                new MutableClock(Instant.parse("2026-11-20T09:00:00Z")), duration -> { }));
    }

    @AfterEach
    void stop() {
        cex.stop();
    }

    @Test
    void recordsTheShipmentWithHttpBasicAndTakesItsLabelFromTheAnswer() {
        byte[] pdf = SampleLabels.pdf();
        String twice = Base64.getEncoder().encodeToString(Base64.getEncoder().encodeToString(pdf)
                .getBytes(StandardCharsets.US_ASCII));
        cex.stubFor(post(urlPathEqualTo(CREATE)).withBasicAuth("123450001_WS", "cex-password")
                .willReturn(json(CorreosExpressMappingTest.fixture("grabacion-envio-response.json")
                        .replace("{LABEL}", twice))));

        CreatedShipment created = carrier.createShipment(CorreosExpressMappingTest.request("ES", "28014", null));

        assertThat(created.trackingNumber()).isEqualTo("9330001000012345");
        assertThat(created.label().content()).isEqualTo(pdf);
        assertThat(operations).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("create_shipment");
            assertThat(r.orderId()).isEqualTo("SB000123-A");
        });
    }

    @Test
    void wrongCredentialsSayWhatToCheck() {
        cex.stubFor(post(urlPathEqualTo(TRACKING)).willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Basic realm=\"cexpr\"")));

        assertThatThrownBy(() -> carrier.track("9330001000012345")).isInstanceOf(CarrierRejectedException.class)
                .hasMessageContaining("CORREOSEXPRESS_USER");
    }

    @Test
    void findsAShipmentByReferenceAfterALostAnswerAndRetriesAReadButNotARecording() {
        cex.stubFor(post(urlPathEqualTo(CREATE)).willReturn(aResponse().withStatus(500).withHeader("Content-Type",
                "text/html").withBody(CorreosExpressMappingTest.fixture("error-page.html"))));
        cex.stubFor(post(urlPathEqualTo(TRACKING)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("free").willReturn(aResponse().withStatus(503)));
        cex.stubFor(post(urlPathEqualTo(TRACKING)).inScenario("busy").whenScenarioStateIs("free")
                .withRequestBody(equalToJson("{\"codigoCliente\":\"123450001\",\"dato\":\"SB000123-A\",\"idioma\":\"ES\"}"))
                .willReturn(json(CorreosExpressMappingTest.fixture("seguimiento-envio-response.json"))));

        assertThatThrownBy(() -> carrier.createShipment(CorreosExpressMappingTest.request("ES", "28014", null)))
                .isInstanceOf(CarrierUnavailableException.class);
        assertThat(carrier.findShipment("SB000123-A")).hasValue(CreatedShipment.of("9330001000012345", null));

        assertThat(cex.findAll(postRequestedFor(urlPathEqualTo(CREATE)))).hasSize(1);
        assertThat(cex.findAll(postRequestedFor(urlPathEqualTo(TRACKING)))).hasSize(2)
                .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                        .encodeToString("123450001_WS:cex-password".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void hasNoCancellation() {
        assertThat(carrier.canCancel()).isFalse();
        assertThatThrownBy(() -> carrier.cancel(CreatedShipment.of("9330001000012345", null), "SB000123-A"))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("by hand");
        assertThat(cex.getAllServeEvents()).isEmpty();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
