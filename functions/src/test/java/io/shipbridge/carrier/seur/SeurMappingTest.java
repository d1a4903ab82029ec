package io.shipbridge.carrier.seur;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.carrier.Address;
import io.shipbridge.carrier.CarrierProfile;
import io.shipbridge.carrier.CarrierRejectedException;
import io.shipbridge.carrier.CarrierUnavailableException;
import io.shipbridge.carrier.CreatedShipment;
import io.shipbridge.carrier.LabelFormat;
import io.shipbridge.carrier.ShipmentRequest;
import io.shipbridge.carrier.TrackingEvent;
import io.shipbridge.carrier.TrackingStatus;
import io.shipbridge.config.Json;
import io.shipbridge.order.Parcel;
import io.shipbridge.order.ParcelDimensions;
import io.shipbridge.testing.Fixtures;
import io.shipbridge.testing.SampleLabels;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SEUR's requests and answers, as its official shop modules and its API specification shape them. */
class SeurMappingTest {
    static final SeurSettings SETTINGS = new SeurSettings(URI.create("https://servicios.apipre.seur.io"),
            "shop-client", "api-user", "12345-46", "B46000000", () -> "client-secret&+", () -> "p@ss word",
            new SeurSettings.Product(31, 2), new SeurSettings.Product(77, 104), LabelFormat.PDF, Duration.ofSeconds(5),
            new CarrierProfile("seur", "SEUR", "https://www.seur.com/livetracking/?segOnlineIdentificador={tracking}"));

    @Test
    void asksForATokenWithThePasswordGrantFormEncoded() {
        assertThat(SeurRequests.tokenForm(SETTINGS)).isEqualTo("grant_type=password&client_id=shop-client"
                + "&client_secret=client-secret%26%2B&username=api-user&password=p%40ss+word");
        SeurResponses.Token token = SeurResponses.token(fixture("token-response.json"));
        assertThat(token.accessToken()).startsWith("eyJhbGciOiJSUzI1NiJ9.");
        assertThat(token.lifetime()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void refusedCredentialsSayWhatToCheck() {
        assertThatThrownBy(() -> SeurResponses.token(fixture("token-refused.json")))
                .isInstanceOf(CarrierRejectedException.class)
                .hasMessageContaining("invalid_grant (Invalid user credentials)").hasMessageContaining("SEUR_CLIENT_ID");
    }

    @Test
    void aDomesticShipmentCarriesTheAccountTheNationalProductAndEachParcel() {
        JsonNode body = Json.read(SeurRequests.shipment(SETTINGS, request("ES", "28014",
                new ParcelDimensions(new BigDecimal("30"), new BigDecimal("20"), new BigDecimal("45")))), JsonNode.class);

        assertThat(body.path("serviceCode").asInt()).isEqualTo(31);
        assertThat(body.path("productCode").asInt()).isEqualTo(2);
        assertThat(body.path("charges").asText()).isEqualTo("P");
        assertThat(body.path("reference").asText()).isEqualTo("SB000123-A");
        assertThat(body.path("sender").path("accountNumber").asText()).isEqualTo("12345-46");
        assertThat(body.path("sender").path("idNumber").asText()).isEqualTo("B46000000");
        assertThat(body.path("receiver").path("name").asText()).hasSize(50)
                .startsWith("Distribuciones y Suministros del Mediterráneo");
        assertThat(body.path("receiver").path("address").path("postalCode").asText()).isEqualTo("28014");
        assertThat(body.path("receiver").path("address").path("cityName").asText()).isEqualTo("Madrid");
        assertThat(body.path("receiver").path("address").path("country").asText()).isEqualTo("ES");
        JsonNode parcel = body.path("parcels").get(0);
        assertThat(parcel.path("weight").decimalValue()).isEqualByComparingTo("2.4");
        assertThat(parcel.path("length").decimalValue()).isEqualByComparingTo("30");
        assertThat(parcel.path("height").decimalValue()).isEqualByComparingTo("45");
        assertThat(parcel.path("parcelReference").asText()).isEqualTo("SB000123-A-1");
    }

    @Test
    void aShipmentAbroadTakesTheInternationalProductAndAParcelWithoutMeasuresSendsNone() {
        JsonNode body = Json.read(SeurRequests.shipment(SETTINGS, request("FR", "75011", null)), JsonNode.class);

        assertThat(body.path("serviceCode").asInt()).isEqualTo(77);
        assertThat(body.path("productCode").asInt()).isEqualTo(104);
        assertThat(body.path("parcels").get(0).has("length")).isFalse();
    }

    @Test
    void readsTheCreatedExpeditionItsCodeAndTheFirstParcelsEcb() {
        SeurResponses.Created created = SeurResponses.created(fixture("shipment-response.json"));

        assertThat(created.shipmentCode()).isEqualTo("046000100234520261120");
        assertThat(created.ecbs()).containsExactly("28280100234501");
    }

    @Test
    void errorsAreRefusalsWhateverTheStatusTheyComeWith() {
        assertThatThrownBy(() -> SeurResponses.created(fixture("shipment-errors-400.json")))
                .isInstanceOf(CarrierRejectedException.class)
                .hasMessage("seur: BAD_REQUEST (400): Error trying to retrieve cities from API catalogue");
        // SEUR's official modules read errors from the body whatever the HTTP status: so does Shipbridge.
        assertThatThrownBy(() -> SeurResponses.created(fixture("shipment-errors-200.json")))
                .isInstanceOf(CarrierRejectedException.class).hasMessageContaining("no está disponible para el destino");
    }

    @Test
    void aGatewayPageIsUnavailabilityNotAParsingCrash() {
        assertThatThrownBy(() -> SeurResponses.created(fixture("gateway-503.html")))
                .isInstanceOf(CarrierUnavailableException.class).hasMessageContaining("not JSON")
                .hasMessageContaining("503 Service Unavailable");
        assertThatThrownBy(() -> SeurResponses.created("{\"data\":{}}"))
                .isInstanceOf(CarrierUnavailableException.class).hasMessageContaining("without shipmentCode");
    }

    @Test
    void decodesOnePdfPerParcelAndZplAsText() {
        byte[] first = SampleLabels.pdf();
        String pdfs = fixture("labels-pdf-response.json").replace("{PDF_1}", Base64.getEncoder().encodeToString(first))
                .replace("{PDF_2}", Base64.getEncoder().encodeToString(SampleLabels.pdf()));

        assertThat(SeurResponses.labels(pdfs, LabelFormat.PDF)).hasSize(2).first().isEqualTo(first);
        assertThat(SeurResponses.labels(fixture("labels-zpl-response.json"), LabelFormat.ZPL)).singleElement()
                .satisfies(zpl -> assertThat(new String(zpl, StandardCharsets.ISO_8859_1)).startsWith("^XA")
                        .endsWith("^XZ"));
        assertThatThrownBy(() -> SeurResponses.labels("{\"data\":[{\"pdf\":\"not base64!\"}]}", LabelFormat.PDF))
                .isInstanceOf(CarrierUnavailableException.class);
    }

    @Test
    void readsEverySituationOldestFirstInSpanishTimeKeepingTheRawCode() {
        List<TrackingEvent> events = SeurResponses.events(fixture("tracking-extended-response.json"), "28280100234501");

        assertThat(events).extracting(TrackingEvent::rawCode)
                .containsExactly("SX010", "LI428", "LC002", "LI523", "LL001", "ZZ999");
        assertThat(events).extracting(TrackingEvent::status).containsExactly(TrackingStatus.PENDING,
                TrackingStatus.IN_TRANSIT, TrackingStatus.OUT_FOR_DELIVERY, TrackingStatus.DELIVERY_FAILED,
                TrackingStatus.DELIVERED, TrackingStatus.UNKNOWN);
        assertThat(events.get(0).occurredAt()).isEqualTo(Instant.parse("2026-11-20T09:39:36Z"));
        assertThat(events.get(4).occurredAt()).isEqualTo(Instant.parse("2026-11-22T10:05:00Z"));
        assertThat(events.get(5).occurredAt()).isEqualTo(Instant.parse("2026-11-22T10:06:00Z"));
        assertThat(events.get(5).description()).isEqualTo("SITUACIÓN NUEVA");
        assertThat(SeurResponses.events("", "28280100234501")).as("204: nothing yet").isEmpty();
    }

    @Test
    void findsTheExpeditionOfAReferenceLeavingCollectionsOut() {
        assertThat(SeurResponses.byReference(fixture("tracking-by-reference-response.json")))
                .containsExactly(CreatedShipment.of("28280100234501", "046000100234520261120"));
        assertThat(SeurResponses.byReference("")).isEmpty();
    }

    @Test
    void aCancelDoneOrOfAnExpeditionAlreadyGoneIsAcceptedARefusalIsNot() {
        SeurResponses.cancelled(200, fixture("cancel-response.json"), "046000100234520261120");
        SeurResponses.cancelled(400, fixture("cancel-not-found-400.json"), "046000100234520261120");

        assertThatThrownBy(() -> SeurResponses.cancelled(400, fixture("cancel-refused-400.json"),
                "046000100234520261120")).isInstanceOf(CarrierRejectedException.class)
                .hasMessageContaining("ya está en tránsito");
        assertThat(SeurRequests.cancel("046000100234520261120")).isEqualTo("{\"codes\":[\"046000100234520261120\"]}");
    }

    @Test
    void tracksByEcbWithTheAccountSplitIntoNumberAndFranchise() {
        assertThat(SeurRequests.trackingQuery(SETTINGS, "28280100234501", "ECB")).isEqualTo("ref=28280100234501"
                + "&refType=ECB&idNumber=B46000000&accountNumber=12345&businessUnit=46");
        assertThat(SeurRequests.labelsQuery("046000100234520261120", LabelFormat.ZPL))
                .isEqualTo("code=046000100234520261120&type=ZPL&entity=EXPEDITIONS");
    }

    @ParameterizedTest
    @CsvSource({"SX010,pending", "LT859,in_transit", "LI497,in_transit", "LC001,out_for_delivery",
        "LL001,delivered", "LL020,delivered", "LI521,delivery_failed", "LI501,on_hold", "LI721,on_hold",
        "LL833,return_to_sender", "LI574,ready_for_pickup", "LK522,cancelled", "QQ123,unknown"})
    void groupsSeurSituationCodesIntoTheCommonVocabulary(String code, String status) {
        assertThat(SeurStatusCodes.CODES.statusOf(code).code()).isEqualTo(status);
    }

    static ShipmentRequest request(String country, String postcode, ParcelDimensions box) {
        return new ShipmentRequest("SB000123-A",
                new Address("Shipbridge Demo Seller SL", "Almacén", "Polígono Industrial Norte, Nave 7", "46001",
                        "Valencia", "ES", "+34 960 000 000", null),
                new Address("Distribuciones y Suministros del Mediterráneo Sociedad Limitada", "Lucía García",
                        "Calle de Alcalá 42 3º B", postcode, "Madrid", country, "+34 600 000 000", null),
                List.of(new Parcel(1, new BigDecimal("2.4"), box)), LocalDate.of(2026, 11, 20), "SB000123");
    }

    private static String fixture(String name) {
        return Fixtures.resource("io/shipbridge/carrier/seur/" + name);
    }
}
