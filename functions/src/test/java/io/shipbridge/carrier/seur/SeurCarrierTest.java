package io.shipbridge.carrier.seur;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.shipbridge.carrier.Carrier;
import io.shipbridge.carrier.CarrierContext;
import io.shipbridge.carrier.CarrierModules;
import io.shipbridge.carrier.CarrierRejectedException;
import io.shipbridge.carrier.CarrierUnavailableException;
import io.shipbridge.carrier.CreatedShipment;
import io.shipbridge.carrier.Label;
import io.shipbridge.config.Config;
import io.shipbridge.http.HttpSender;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.operations.OperationStatus;
import io.shipbridge.testing.Fixtures;
import io.shipbridge.testing.MutableClock;
import io.shipbridge.testing.SampleLabels;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SEUR client over HTTP, against WireMock answering as SEUR does: the token's life, refusals, labels, faults. */
class SeurCarrierTest {
    private final WireMockServer seur = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T09:00:00Z"));
    private final List<OperationRecord> operations = new ArrayList<>();
    private Carrier carrier;

    @BeforeEach
    void start() {
        seur.start();
        seur.stubFor(post(urlPathEqualTo("/pic_token")).willReturn(json(200, "token-response.json")));
        Config config = Config.of(Map.of("SEUR_BASE_URL", seur.baseUrl(), "SEUR_CLIENT_ID", "shop-client",
                "SEUR_USERNAME", "api-user", "SEUR_ACCOUNT", "12345-46", "SEUR_ID_NUMBER", "B46000000",
                "SEUR_TIMEOUT_SECONDS", "1"));
        Map<String, String> secret = Map.of("clientSecret", "client-secret", "password", "api-password");
        carrier = CarrierModules.installed().find("seur").orElseThrow().connect(new CarrierContext(config,
                field -> () -> secret.get(field), HttpSender.of(HttpClient.newHttpClient()), operations::add, clock,
                duration -> { }));
    }

    @AfterEach
    void stop() {
        seur.stop();
    }

    @Test
    void keepsItsTokenUntilAMinuteBeforeItExpiresThenAsksAgain() {
        seur.stubFor(get(urlPathEqualTo("/pic/v1/tracking-services/extended")).willReturn(aResponse().withStatus(204)));

        carrier.track("28280100234501");
        clock.advance(Duration.ofMinutes(58));
        carrier.track("28280100234501");
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        carrier.track("28280100234501");

        assertThat(seur.findAll(postRequestedFor(urlPathEqualTo("/pic_token")))).hasSize(2);
        assertThat(seur.findAll(postRequestedFor(urlPathEqualTo("/pic_token"))).get(0).getBodyAsString())
                .contains("grant_type=password").contains("client_secret=client-secret");
        assertThat(seur.findAll(getRequestedFor(urlPathEqualTo("/pic/v1/tracking-services/extended"))))
                .allSatisfy(r -> assertThat(r.getHeader("Authorization")).startsWith("Bearer eyJ"));
    }

    @Test
    void aTokenSeurNoLongerTakesIsRenewedAndTheCallMadeAgainOnce() {
        seur.stubFor(post(urlPathEqualTo("/pic/v1/shipments")).inScenario("expired")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("renewed")
                .willReturn(json(401, "token-expired-401.json")));
        seur.stubFor(post(urlPathEqualTo("/pic/v1/shipments")).inScenario("expired").whenScenarioStateIs("renewed")
                .willReturn(json(200, "shipment-response.json")));

        CreatedShipment created = carrier.createShipment(SeurMappingTest.request("ES", "28014", null));

        assertThat(created).isEqualTo(CreatedShipment.of("28280100234501", "046000100234520261120"));
        assertThat(seur.findAll(postRequestedFor(urlPathEqualTo("/pic_token")))).hasSize(2);
        assertThat(seur.findAll(postRequestedFor(urlPathEqualTo("/pic/v1/shipments")))).hasSize(2);
    }

    @Test
    void anErrorInTheBodyOfA200IsARefusalRecordedInTheOperationsLog() {
        seur.stubFor(post(urlPathEqualTo("/pic/v1/shipments")).willReturn(json(200, "shipment-errors-200.json")));

        assertThatThrownBy(() -> carrier.createShipment(SeurMappingTest.request("FR", "75011", null)))
                .isInstanceOf(CarrierRejectedException.class).hasMessageContaining("no está disponible");
        assertThat(operations).filteredOn(r -> r.action().equals("create_shipment")).singleElement()
                .satisfies(r -> assertThat(r.orderId()).isEqualTo("SB000123-A"));
    }

    @Test
    void aShipmentWhoseAnswerIsAGatewayErrorIsNotSentAgainButASafeReadIs() {
        seur.stubFor(post(urlPathEqualTo("/pic/v1/shipments")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "text/html").withBody(Fixtures.resource(
                        "io/shipbridge/carrier/seur/gateway-503.html"))));
        seur.stubFor(get(urlPathEqualTo("/pic/v1/tracking-services/extended")).inScenario("throttled")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("free")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withBody("Usage limit exceeded")));
        seur.stubFor(get(urlPathEqualTo("/pic/v1/tracking-services/extended")).inScenario("throttled")
                .whenScenarioStateIs("free").willReturn(json(200, "tracking-extended-response.json")));

        assertThatThrownBy(() -> carrier.createShipment(SeurMappingTest.request("ES", "28014", null)))
                .isInstanceOf(CarrierUnavailableException.class).hasMessageContaining("HTTP 503");
        assertThat(carrier.track("28280100234501")).hasSize(6);

        assertThat(seur.findAll(postRequestedFor(urlPathEqualTo("/pic/v1/shipments")))).hasSize(1);
        assertThat(operations).extracting(OperationRecord::status).contains(OperationStatus.RETRY);
    }

    @Test
    void aShipmentOfTwoParcelsHasOneLabelOfTwoPages() throws Exception {
        seur.stubFor(get(urlPathEqualTo("/pic/v1/labels")).withQueryParam("code", equalTo("046000100234520261120"))
                .withQueryParam("type", equalTo("PDF")).withQueryParam("entity", equalTo("EXPEDITIONS"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.resource("io/shipbridge/carrier/seur/labels-pdf-response.json")
                                .replace("{PDF_1}", Base64.getEncoder().encodeToString(SampleLabels.pdf()))
                                .replace("{PDF_2}", Base64.getEncoder().encodeToString(SampleLabels.pdf())))));

        Label label = carrier.label(CreatedShipment.of("28280100234501", "046000100234520261120"), "SB000123-A");

        try (PDDocument document = Loader.loadPDF(label.content())) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
        }
    }

    private static ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.resource("io/shipbridge/carrier/seur/" + fixture));
    }
}
