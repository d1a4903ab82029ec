package io.shipbridge.carrier.correosexpress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.carrier.Address;
import io.shipbridge.carrier.CarrierProfile;
import io.shipbridge.carrier.CarrierRejectedException;
import io.shipbridge.carrier.CarrierUnavailableException;
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

/** Correos Express's requests and answers, as its web services specification and public integrations show them. */
class CorreosExpressMappingTest {
    static final CorreosExpressProducts PRODUCTS = new CorreosExpressProducts("93", "66", "67", "26", "63", "90");
    static final CorreosExpressSettings SETTINGS = new CorreosExpressSettings(URI.create("https://www.test.cexpr.es/wsps/"),
            "123450001_WS", () -> "secret", "I123450001", "123450001", PRODUCTS, LabelFormat.PDF,
            Duration.ofSeconds(5), new CarrierProfile("correosexpress", "Correos Express",
                    "https://s.correosexpress.com/c?n={tracking}"));

    @Test
    void aShipmentCarriesTheClientCodesTheDateAsCexWritesItAndEveryParcelInMetres() {
        JsonNode body = Json.read(CorreosExpressRequests.shipment(SETTINGS, request("ES", "28014",
                new ParcelDimensions(new BigDecimal("30"), new BigDecimal("20"), new BigDecimal("45")))), JsonNode.class);

        assertThat(body.path("solicitante").asText()).isEqualTo("I123450001");
        assertThat(body.path("codRte").asText()).isEqualTo("123450001");
        assertThat(body.path("fecha").asText()).isEqualTo("20112026");
        assertThat(body.path("ref").asText()).isEqualTo("SB000123-A");
        assertThat(body.path("nomDest").asText()).hasSize(40).startsWith("Distribuciones y Suministros");
        assertThat(body.path("codPosNacDest").asText()).isEqualTo("28014");
        assertThat(body.path("codPosIntDest").asText()).isEmpty();
        assertThat(body.path("telefDest").asText()).isEqualTo("0034600000000");
        assertThat(body.path("numBultos").asText()).isEqualTo("1");
        assertThat(body.path("kilos").asText()).isEqualTo("2.400");
        assertThat(body.path("producto").asText()).isEqualTo("93");
        assertThat(body.path("portes").asText()).isEqualTo("P");
        JsonNode parcel = body.path("listaBultos").get(0);
        assertThat(parcel.path("orden").asInt()).isEqualTo(1);
        assertThat(parcel.path("largo").asText()).isEqualTo("0.30");
        assertThat(parcel.path("alto").asText()).isEqualTo("0.45");
        assertThat(body.path("listaInformacionAdicional").get(0).path("tipoEtiqueta").asText()).isEqualTo("1");
    }

    @Test
    void aShipmentAbroadGivesItsPostcodeAsInternational() {
        JsonNode body = Json.read(CorreosExpressRequests.shipment(SETTINGS, request("FR", "75011", null)),
                JsonNode.class);

        assertThat(body.path("paisISODest").asText()).isEqualTo("FR");
        assertThat(body.path("codPosNacDest").asText()).isEmpty();
        assertThat(body.path("codPosIntDest").asText()).isEqualTo("75011");
        assertThat(body.path("producto").asText()).isEqualTo("90");
        assertThat(body.path("listaBultos").get(0).path("largo").asText()).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} ships as product {2}")
    @CsvSource({"ES, 28014, 93", "ES, 46001, 93", "ES, 07001, 66", "ES, 07800, 66", "ES, 35001, 67", "ES, 38001, 67",
        "ES, 51001, 26", "ES, 52001, 26", "PT, 1000-001, 63", "AD, AD500, 63", "FR, 75011, 90", "DE, 10115, 90"})
    void picksTheProductByDestination(String country, String postcode, String product) {
        assertThat(PRODUCTS.forDestination(new Address("n", "c", "s", postcode, "city", country, "1", null)))
                .isEqualTo(product);
    }

    @Test
    void aShipmentLabelIsBase64TwiceAReprintOnceBothComeOutAsThePdf() {
        byte[] pdf = SampleLabels.pdf();
        String once = Base64.getEncoder().encodeToString(pdf);
        String twice = Base64.getEncoder().encodeToString(once.getBytes(StandardCharsets.US_ASCII));

        CorreosExpressResponses.Created created = CorreosExpressResponses.created(fixture("grabacion-envio-response.json")
                .replace("{LABEL}", twice), LabelFormat.PDF);

        assertThat(created.shipmentNumber()).isEqualTo("9330001000012345");
        assertThat(created.labels()).singleElement().isEqualTo(pdf);
        assertThat(CorreosExpressResponses.created(fixture("grabacion-envio-response.json").replace("{LABEL}", once),
                LabelFormat.PDF).labels()).singleElement().isEqualTo(pdf);
        assertThat(CorreosExpressResponses.reprinted(fixture("etiqueta-transporte-response.json")
                .replace("{LABEL}", once), LabelFormat.PDF)).singleElement().isEqualTo(pdf);
        assertThat(CorreosExpressResponses.created(fixture("grabacion-envio-zpl-response.json"), LabelFormat.ZPL)
                .labels()).singleElement().satisfies(zpl -> assertThat(new String(zpl, StandardCharsets.ISO_8859_1))
                        .startsWith("^XA").endsWith("^XZ"));
    }

    @Test
    void aRefusalComesWithHttp200AndACodeAndIsCexsOwnWords() {
        assertThatThrownBy(() -> CorreosExpressResponses.created(fixture("grabacion-envio-error-response.json"),
                LabelFormat.PDF)).isInstanceOf(CarrierRejectedException.class)
                .hasMessage("correosexpress: grabacionEnvio refused (codigoRetorno 27): TELEFONO DESTINATARIO: DATO"
                        + " OBLIGATORIO");
        assertThatThrownBy(() -> CorreosExpressResponses.reprinted(fixture("etiqueta-transporte-not-found.json"),
                LabelFormat.PDF)).isInstanceOf(CarrierRejectedException.class).hasMessageContaining("codErr -998");
        assertThatThrownBy(() -> CorreosExpressResponses.events(fixture("seguimiento-envio-bad-call.json"), "1"))
                .isInstanceOf(CarrierRejectedException.class).hasMessageContaining("error 402");
    }

    @Test
    void anErrorPageOrAnAnswerWithoutItsCodeIsUnavailability() {
        assertThatThrownBy(() -> CorreosExpressResponses.created(fixture("error-page.html"), LabelFormat.PDF))
                .isInstanceOf(CarrierUnavailableException.class).hasMessageContaining("not JSON")
                .hasMessageContaining("503 Service Temporarily Unavailable");
        assertThatThrownBy(() -> CorreosExpressResponses.created("{\"datosResultado\":\"9330001000012345\"}",
                LabelFormat.PDF)).isInstanceOf(CarrierUnavailableException.class).hasMessageContaining("codigoRetorno");
        assertThatThrownBy(() -> CorreosExpressResponses.created(fixture("grabacion-envio-response.json")
                .replace("{LABEL}", "%%%"), LabelFormat.PDF)).isInstanceOf(CarrierUnavailableException.class)
                .hasMessageContaining("base64");
    }

    @Test
    void readsEveryStateOldestFirstInMadridTimeWhateverOrderAndPaddingCexUses() {
        List<TrackingEvent> events = CorreosExpressResponses.events(fixture("seguimiento-envio-response.json"),
                "9330001000012345");

        assertThat(events).extracting(TrackingEvent::rawCode).containsExactly("1", "2", "8", "9", "12", "99");
        assertThat(events).extracting(TrackingEvent::status).containsExactly(TrackingStatus.PENDING,
                TrackingStatus.IN_TRANSIT, TrackingStatus.OUT_FOR_DELIVERY, TrackingStatus.DELIVERY_FAILED,
                TrackingStatus.DELIVERED, TrackingStatus.UNKNOWN);
        assertThat(events.get(0).occurredAt()).isEqualTo(Instant.parse("2026-11-20T09:39:36Z"));
        assertThat(events.get(2).occurredAt()).as("'73000' is 07:30:00").isEqualTo(Instant.parse("2026-11-21T06:30:00Z"));
        assertThat(events.get(5).description()).isEqualTo("ESTADO NUEVO");
        assertThat(CorreosExpressResponses.events(fixture("seguimiento-envio-not-found.json"), "1")).isEmpty();
    }

    @Test
    void findsAShipmentByOurReferenceOrNothingWhenCexHasNone() {
        assertThat(CorreosExpressResponses.shipmentNumber(fixture("seguimiento-envio-response.json")))
                .hasValue("9330001000012345");
        assertThat(CorreosExpressResponses.shipmentNumber(fixture("seguimiento-envio-not-found.json"))).isEmpty();
        assertThat(Json.read(CorreosExpressRequests.tracking(SETTINGS, "SB000123-A"), JsonNode.class))
                .isEqualTo(Json.read("{\"codigoCliente\":\"123450001\",\"dato\":\"SB000123-A\",\"idioma\":\"ES\"}",
                        JsonNode.class));
        assertThat(CorreosExpressRequests.reference("MKP-2026-11-20-000123456-A")).hasSize(20);
    }

    @ParameterizedTest
    @CsvSource({"1,pending", "2,in_transit", "4,in_transit", "8,out_for_delivery", "9,delivery_failed",
        "12,delivered", "17,return_to_sender", "19,cancelled", "39,ready_for_pickup", "42,picked_up", "0,unknown"})
    void mapsCexStateCodesToTheCommonVocabulary(String code, String status) {
        assertThat(CorreosExpressStatusCodes.CODES.statusOf(code).code()).isEqualTo(status);
    }

    static ShipmentRequest request(String country, String postcode, ParcelDimensions box) {
        return new ShipmentRequest("SB000123-A",
                new Address("Shipbridge Demo Seller SL", "Almacén", "Polígono Industrial Norte, Nave 7", "46001",
                        "Valencia", "ES", "+34 960 000 000", null),
                new Address("Distribuciones y Suministros del Mediterráneo SL", "Lucía García",
                        "Calle de Alcalá 42 3º B", postcode, "Madrid", country, "+34 600 000 000", null),
                List.of(new Parcel(1, new BigDecimal("2.4"), box)), LocalDate.of(2026, 11, 20), "SB000123");
    }

    static String fixture(String name) {
        return Fixtures.resource("io/shipbridge/carrier/correosexpress/" + name);
    }
}
