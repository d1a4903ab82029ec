package io.shipbridge.carrier.canadapost;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.shipbridge.carrier.Carrier;
import io.shipbridge.carrier.CarrierContext;
import io.shipbridge.carrier.CarrierModules;
import io.shipbridge.carrier.CarrierRejectedException;
import io.shipbridge.carrier.CarrierUnavailableException;
import io.shipbridge.carrier.CreatedShipment;
import io.shipbridge.carrier.DailyHandover;
import io.shipbridge.carrier.LabelFormat;
import io.shipbridge.config.Config;
import io.shipbridge.http.HttpSender;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.testing.Fixtures;
import io.shipbridge.testing.MutableClock;
import io.shipbridge.testing.SampleLabels;
import java.net.http.HttpClient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Canada Post client over HTTP against WireMock answering as Canada Post does: its headers, a shipment found again
 * by request id, raw label bytes, voids, a transmit whose answer was lost, its throttle, a PIN with no history yet.
 */
class CanadaPostCarrierTest {
    private static final String ROOT = "/rs/2004381/2004381";
    private static final String SHIPMENT = "application/vnd.cpc.shipment-v8+xml";
    private static final String MANIFEST = "application/vnd.cpc.manifest-v8+xml";
    private final WireMockServer canadaPost = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T14:00:00Z"));
    private final List<OperationRecord> operations = new ArrayList<>();
    private final byte[] pdf = SampleLabels.pdf();
    private Carrier carrier;

    @BeforeEach
    void start() {
        canadaPost.start();
        Map<String, String> settings = new HashMap<>(Map.of("CANADAPOST_BASE_URL", canadaPost.baseUrl(),
                "CANADAPOST_CUSTOMER_NUMBER", "2004381", "CANADAPOST_USERNAME", "6e93d53968881714",
                "CANADAPOST_CONTRACT_ID", "42708517", "CANADAPOST_LANGUAGE", "fr-CA",
                "SHIP_FROM_NAME", "Shipbridge Demo Seller Inc.", "SHIP_FROM_STREET", "1200 Bay Street",
                "SHIP_FROM_CITY", "Toronto", "SHIP_FROM_POSTCODE", "M5R 2A5"));
        settings.putAll(Map.of("SHIP_FROM_COUNTRY", "CA", "SHIP_FROM_PHONE", "+1 416 555 0100", "SHIP_FROM_REGION",
                "ON"));
        carrier = CarrierModules.installed().find("canadapost").orElseThrow().connect(new CarrierContext(
                Config.of(settings), field -> () -> "0bfa9fcb9853d1f51ee57a",
                HttpSender.of(HttpClient.newHttpClient()), operations::add, clock, duration -> { }));
    }

    @AfterEach
    void stop() {
        canadaPost.stop();
    }

    @Test
    void findsAShipmentAgainByItsRequestIdAndFetchesItsLabelAsRawBytesWithCanadaPostsHeaders() {
        canadaPost.stubFor(get(urlEqualTo(ROOT + "/shipment?requestId=BBCA000017-A"))
                .willReturn(xml(200, "shipments-by-request-id-response.xml")));
        canadaPost.stubFor(get(urlPathEqualTo(ROOT + "/shipment/347881315405043891"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", SHIPMENT)
                        .withBody(local("shipment-info-response.xml"))));
        canadaPost.stubFor(get(urlPathEqualTo("/rs/artifact/6e93d53968881714/10001782951/0"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/pdf")
                        .withBody(pdf)));

        CreatedShipment found = carrier.findShipment("BBCA000017-A").orElseThrow();
        var label = carrier.label(found, "BBCA000017-A");

        assertThat(found.trackingNumber()).isEqualTo("7023210039414604");
        assertThat(found.carrierShipmentId()).isEqualTo("347881315405043891");
        assertThat(label.format()).isEqualTo(LabelFormat.PDF);
        assertThat(label.content()).isEqualTo(pdf);
        canadaPost.verify(getRequestedFor(urlEqualTo(ROOT + "/shipment?requestId=BBCA000017-A"))
                .withHeader("Accept", equalTo(SHIPMENT)).withHeader("Accept-language", equalTo("fr-CA"))
                .withHeader("Authorization", equalTo("Basic " + Base64.getEncoder().encodeToString(
                        "6e93d53968881714:0bfa9fcb9853d1f51ee57a".getBytes()))));
        canadaPost.verify(getRequestedFor(urlPathEqualTo("/rs/artifact/6e93d53968881714/10001782951/0"))
                .withHeader("Accept", equalTo("application/pdf")));
    }

    @Test
    void voidsAShipmentNotTransmittedTakesAnUnknownOneAsVoidedAndRefusesATransmittedOne() {
        canadaPost.stubFor(delete(urlPathEqualTo(ROOT + "/shipment/1")).willReturn(aResponse().withStatus(204)));
        canadaPost.stubFor(delete(urlPathEqualTo(ROOT + "/shipment/2"))
                .willReturn(xml(404, "messages-void-unknown-404.xml")));
        canadaPost.stubFor(delete(urlPathEqualTo(ROOT + "/shipment/3"))
                .willReturn(xml(400, "messages-void-transmitted.xml")));

        carrier.cancel(CreatedShipment.of("7023210000000001", "1"), "A");
        carrier.cancel(CreatedShipment.of("7023210000000002", "2"), "B");

        assertThatThrownBy(() -> carrier.cancel(CreatedShipment.of("7023210000000003", "3"), "C"))
                .isInstanceOf(CarrierRejectedException.class).hasMessageContaining("transmitted already");
        canadaPost.verify(deleteRequestedFor(urlPathEqualTo(ROOT + "/shipment/1"))
                .withHeader("Accept", equalTo(SHIPMENT)));
    }

    @Test
    void aTransmitWhoseAnswerWasLostIsNotMadeAgainItsManifestIsFoundAndItsDocumentFetched() {
        canadaPost.stubFor(post(urlPathEqualTo(ROOT + "/manifest")).willReturn(xml(400,
                "messages-nothing-to-transmit.xml")));
        canadaPost.stubFor(get(urlEqualTo(ROOT + "/manifest?start=20261120")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", MANIFEST).withBody(local("manifests-response.xml"))));
        canadaPost.stubFor(get(urlPathEqualTo(ROOT + "/manifest/563251698214573920")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", MANIFEST).withBody(local("manifest-response.xml"))));
        canadaPost.stubFor(get(urlPathEqualTo("/rs/artifact/6e93d53968881714/20000412/0"))
                .willReturn(aResponse().withStatus(200).withBody(pdf)));

        DailyHandover.HandedOver handedOver = carrier.dailyHandover().orElseThrow().handOver(
                LocalDate.of(2026, 11, 20), List.of(new DailyHandover.PendingShipment("BBCA000017-A",
                        "7023210039414604", "347881315405043891", LocalDate.of(2026, 11, 20))));

        assertThat(handedOver.references()).containsExactly("P123456789");
        assertThat(handedOver.documents()).singleElement().satisfies(document -> {
            assertThat(document.name()).isEqualTo("manifest-P123456789.pdf");
            assertThat(document.content()).isEqualTo(pdf);
        });
        canadaPost.verify(1, postRequestedFor(urlPathEqualTo(ROOT + "/manifest"))
                .withHeader("Content-Type", equalTo(MANIFEST)));
    }

    @Test
    void itsThrottleIsUnavailabilityWhateverTheStatusAndAPinWithNoHistoryHasNoEventsYet() {
        canadaPost.stubFor(get(urlPathEqualTo("/vis/track/pin/7023210039414604/detail"))
                .willReturn(xml(403, "messages-throttled.xml")));
        canadaPost.stubFor(get(urlPathEqualTo("/vis/track/pin/7023210039414605/detail"))
                .willReturn(xml(404, "messages-no-pin-history.xml")));

        assertThatThrownBy(() -> carrier.track("7023210039414604")).isInstanceOf(CarrierUnavailableException.class);
        assertThat(carrier.track("7023210039414605")).isEmpty();
        canadaPost.verify(getRequestedFor(urlPathEqualTo("/vis/track/pin/7023210039414605/detail"))
                .withHeader("Accept", equalTo("application/vnd.cpc.track-v2+xml")));
    }

    @Test
    void aRefusedCreateQuotesCanadaPostsMessagesAndAGatewayPageIsUnavailability() {
        canadaPost.stubFor(post(urlPathEqualTo(ROOT + "/shipment")).willReturn(xml(400, "messages-create-400.xml")));

        assertThatThrownBy(() -> carrier.createShipment(new io.shipbridge.carrier.ShipmentRequest("BBCA000019-A",
                new io.shipbridge.carrier.Address("Shipbridge Demo Seller Inc.", "Shipbridge Demo Seller Inc.",
                        "1200 Bay Street", "M5R 2A5", "Toronto", "CA", "+1 416 555 0100", null, "ON"),
                new io.shipbridge.carrier.Address("Liam Smith", "Liam Smith", "10 King Street West", "M5V 1A1",
                        "Toronto", "CA", null, null, "Ontario"),
                List.of(new io.shipbridge.order.Parcel(1, new java.math.BigDecimal("1.5"))),
                LocalDate.of(2026, 11, 20), "BBCA000019")))
                .isInstanceOf(CarrierRejectedException.class).hasMessageContaining("2695 Contact Phone number");
        canadaPost.stubFor(get(urlPathEqualTo("/vis/track/pin/7023210039414606/detail"))
                .willReturn(aResponse().withStatus(503).withBody(local("gateway-503.html"))));
        assertThatThrownBy(() -> carrier.track("7023210039414606")).isInstanceOf(CarrierUnavailableException.class);
    }

    private String local(String fixture) {
        return Fixtures.resource("io/shipbridge/carrier/canadapost/" + fixture)
                .replace("https://ct.soa-gw.canadapost.ca", canadaPost.baseUrl())
                .replace("/rs/0002004381/0002004381", ROOT);
    }

    /** A fixture as Canada Post would answer it from this server (its links pointing here). */
    private ResponseDefinitionBuilder xml(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/vnd.cpc.messages+xml")
                .withBody(local(fixture));
    }
}
