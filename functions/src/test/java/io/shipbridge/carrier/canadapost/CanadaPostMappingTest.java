package io.shipbridge.carrier.canadapost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipbridge.carrier.Address;
import io.shipbridge.carrier.CarrierContext;
import io.shipbridge.carrier.CarrierRejectedException;
import io.shipbridge.carrier.CarrierUnavailableException;
import io.shipbridge.carrier.ShipmentRequest;
import io.shipbridge.carrier.TrackingEvent;
import io.shipbridge.carrier.TrackingStatus;
import io.shipbridge.carrier.XmlElements;
import io.shipbridge.config.Config;
import io.shipbridge.order.Parcel;
import io.shipbridge.order.ParcelDimensions;
import io.shipbridge.testing.Fixtures;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Canada Post's documents both ways: requests read back as its schemas lay them out (shipment-v8, ncshipment-v4,
 * manifest-v8), answers read from documents shaped as its published examples (shipment-info, shipments, manifests,
 * manifest, tracking-detail in both namespaces, messages).
 */
class CanadaPostMappingTest {
    private static final Address FROM = new Address("Shipbridge Demo Seller Inc.", "Shipbridge Demo Seller Inc.",
            "1200 Bay Street", "M5R 2A5", "Toronto", "CA", "+1 416 555 0100", null, "ON");
    private static final Address TO = new Address("Émilie Tremblay", "Émilie Tremblay", "350 rue Saint-Paul Est",
            "h2y 1h2", "Montréal", "CA", "+1 514 555 0199", null, "Québec");

    @Test
    void aContractShipmentGoesInTheGroupOfItsDayWithTheOrderAsRequestIdAndReference() {
        Element shipment = parse(CanadaPostRequests.shipment(settings(Map.of()), request("BBCA000017-A", TO,
                "2.4")));

        assertThat(shipment.getNamespaceURI()).isEqualTo("http://www.canadapost.ca/ws/shipment-v8");
        assertThat(XmlElements.name(shipment)).isEqualTo("shipment");
        assertThat(XmlElements.text(shipment, "customer-request-id")).isEqualTo("BBCA000017-A");
        assertThat(XmlElements.text(shipment, "group-id")).isEqualTo("20261120");
        assertThat(XmlElements.child(shipment, "transmit-shipment")).isEmpty();
        assertThat(XmlElements.text(shipment, "requested-shipping-point")).isEqualTo("M5R2A5");
        assertThat(XmlElements.text(shipment, "expected-mailing-date")).isEqualTo("2026-11-20");
        Element spec = XmlElements.child(shipment, "delivery-spec").orElseThrow();
        assertThat(XmlElements.text(spec, "service-code")).isEqualTo("DOM.EP");
        assertThat(XmlElements.text(spec, "sender", "company")).isEqualTo("Shipbridge Demo Seller Inc.");
        assertThat(XmlElements.text(spec, "sender", "contact-phone")).isEqualTo("+1 416 555 0100");
        assertThat(XmlElements.text(spec, "sender", "address-details", "prov-state")).isEqualTo("ON");
        assertThat(XmlElements.text(spec, "sender", "address-details", "country-code")).isEqualTo("CA");
        assertThat(XmlElements.text(spec, "destination", "name")).isEqualTo("Émilie Tremblay");
        assertThat(XmlElements.text(spec, "destination", "address-details", "prov-state")).isEqualTo("QC");
        assertThat(XmlElements.text(spec, "destination", "address-details", "postal-zip-code")).isEqualTo("H2Y1H2");
        assertThat(XmlElements.text(spec, "parcel-characteristics", "weight")).isEqualTo("2.400");
        assertThat(XmlElements.text(spec, "parcel-characteristics", "dimensions", "length")).isEqualTo("30.0");
        assertThat(XmlElements.text(spec, "print-preferences", "output-format")).isEqualTo("4x6");
        assertThat(XmlElements.text(spec, "print-preferences", "encoding")).isEqualTo("PDF");
        assertThat(XmlElements.text(spec, "references", "customer-ref-1")).isEqualTo("BBCA000017-A");
        assertThat(XmlElements.text(spec, "settlement-info", "contract-id")).isEqualTo("42708517");
        assertThat(XmlElements.text(spec, "settlement-info", "intended-method-of-payment")).isEqualTo("Account");
    }

    @Test
    void aStreetLongerThanALineIsCutAtASpaceIntoTwoLinesOfAtMost44() {
        Address longStreet = new Address("A", "A", "4567 boulevard des Entreprises Industrielles, bureau 1200",
                "H2Y 1H2", "Montréal", "CA", "+1 514 555 0199", null, "QC");

        Element spec = XmlElements.child(parse(CanadaPostRequests.shipment(settings(Map.of()),
                request("R1", longStreet, "1"))), "delivery-spec").orElseThrow();

        assertThat(XmlElements.text(spec, "destination", "address-details", "address-line-1"))
                .isEqualTo("4567 boulevard des Entreprises");
        assertThat(XmlElements.text(spec, "destination", "address-details", "address-line-2"))
                .isEqualTo("Industrielles, bureau 1200");
    }

    @Test
    void aReferenceTooLongForARequestIdIsDigestedToOneThatFits() {
        String id = CanadaPostRequests.requestId("MARKETPLACE-ORDER-0000000000000000000000001-A");

        assertThat(id).hasSizeLessThanOrEqualTo(35).startsWith("sb-")
                .isEqualTo(CanadaPostRequests.requestId("MARKETPLACE-ORDER-0000000000000000000000001-A"));
        assertThat(CanadaPostRequests.requestId("BBCA000017-A")).isEqualTo("BBCA000017-A");
    }

    @Test
    void refusesBeforeAnyCallWhatCanadaPostWouldRefuse() {
        CanadaPostSettings settings = settings(Map.of());
        Address abroad = new Address("A", "A", "1 Main St", "10001", "New York", "US", "1", null, "NY");
        Address badPostcode = new Address("A", "A", "1 Main St", "D1A 1A1", "Ottawa", "CA", "1", null, "ON");
        Address noProvince = new Address("A", "A", "1 Main St", "K1A 0B1", "Ottawa", "CA", "1", null, null);

        assertThatThrownBy(() -> CanadaPostRequests.shipment(settings, request("R", abroad, "1")))
                .isInstanceOf(CarrierRejectedException.class).hasMessageContaining("within Canada only");
        assertThatThrownBy(() -> CanadaPostRequests.shipment(settings, request("R", badPostcode, "1")))
                .isInstanceOf(CarrierRejectedException.class).hasMessageContaining("'D1A 1A1', not a Canadian one");
        assertThatThrownBy(() -> CanadaPostRequests.shipment(settings, request("R", noProvince, "1")))
                .isInstanceOf(CarrierRejectedException.class).hasMessageContaining("has no Canadian province");
        assertThatThrownBy(() -> CanadaPostRequests.shipment(settings, request("R", TO, "30.5")))
                .isInstanceOf(CarrierRejectedException.class).hasMessageContaining("over Canada Post's 30 kg");
    }

    @Test
    void aNonContractShipmentHasNoGroupNoContractAndASenderWithoutCountry() {
        Element shipment = parse(CanadaPostRequests.nonContractShipment(settings(Map.of("CANADAPOST_MODE",
                "noncontract")), request("BBCA000018-A", TO, "1.2")));

        assertThat(shipment.getNamespaceURI()).isEqualTo("http://www.canadapost.ca/ws/ncshipment-v4");
        assertThat(XmlElements.name(shipment)).isEqualTo("non-contract-shipment");
        assertThat(XmlElements.child(shipment, "group-id")).isEmpty();
        Element spec = XmlElements.child(shipment, "delivery-spec").orElseThrow();
        assertThat(XmlElements.child(spec, "settlement-info")).isEmpty();
        assertThat(XmlElements.child(spec, "print-preferences")).isEmpty();
        assertThat(XmlElements.text(spec, "sender", "address-details", "country-code")).isNull();
        assertThat(XmlElements.text(spec, "sender", "address-details", "postal-zip-code")).isEqualTo("M5R2A5");
    }

    @Test
    void theTransmitSetNamesEachDaysGroupAndTheManifestAddress() {
        Element transmit = parse(CanadaPostRequests.transmit(settings(Map.of()),
                List.of(LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 20))));

        assertThat(transmit.getNamespaceURI()).isEqualTo("http://www.canadapost.ca/ws/manifest-v8");
        assertThat(XmlElements.name(transmit)).isEqualTo("transmit-set");
        assertThat(XmlElements.children(XmlElements.child(transmit, "group-ids").orElseThrow(), "group-id"))
                .extracting(Element::getTextContent).containsExactly("20261120", "20261121");
        assertThat(XmlElements.text(transmit, "detailed-manifests")).isEqualTo("true");
        assertThat(XmlElements.text(transmit, "method-of-payment")).isEqualTo("Account");
        assertThat(XmlElements.text(transmit, "manifest-address", "manifest-company"))
                .isEqualTo("Shipbridge Demo Seller Inc.");
        assertThat(XmlElements.text(transmit, "manifest-address", "address-details", "prov-state")).isEqualTo("ON");
        assertThat(XmlElements.text(transmit, "manifest-address", "address-details", "postal-zip-code"))
                .isEqualTo("M5R2A5");
    }

    @Test
    void readsTheShipmentItsPinAndItsLinks() {
        CanadaPostResponses.ShipmentInfo info = CanadaPostResponses.shipmentInfo(
                Fixtures.resource("io/shipbridge/carrier/canadapost/shipment-info-response.xml"));

        assertThat(info.shipmentId()).isEqualTo("347881315405043891");
        assertThat(info.trackingPin()).isEqualTo("7023210039414604");
        assertThat(info.status()).isEqualTo("created");
        assertThat(info.self()).hasPath("/rs/0002004381/0002004381/shipment/347881315405043891");
        assertThat(info.label().href()).isEqualTo(URI.create(
                "https://ct.soa-gw.canadapost.ca/rs/artifact/6e93d53968881714/10001782951/0"));
        assertThat(info.label().mediaType()).isEqualTo("application/pdf");
    }

    @Test
    void readsShipmentSearchesManifestsAndAManifestsDocumentLink() {
        assertThat(CanadaPostResponses.shipmentLinks(Fixtures.resource(
                "io/shipbridge/carrier/canadapost/shipments-by-request-id-response.xml"))).singleElement()
                .satisfies(link -> assertThat(link).hasPath(
                        "/rs/0002004381/0002004381/shipment/347881315405043891"));
        assertThat(CanadaPostResponses.shipmentLinks("<shipments xmlns=\"http://www.canadapost.ca/ws/shipment-v8\"/>"))
                .isEmpty();
        assertThat(CanadaPostResponses.manifestLinks(Fixtures.resource(
                "io/shipbridge/carrier/canadapost/manifests-response.xml"))).singleElement()
                .satisfies(link -> assertThat(link.href()).hasPath(
                        "/rs/0002004381/0002004381/manifest/563251698214573920"));
        CanadaPostResponses.Manifest manifest = CanadaPostResponses.manifest(Fixtures.resource(
                "io/shipbridge/carrier/canadapost/manifest-response.xml"));
        assertThat(manifest.poNumber()).isEqualTo("P123456789");
        assertThat(manifest.artifact().href()).hasPath("/rs/artifact/6e93d53968881714/20000412/0");
    }

    @Test
    void readsEveryScanOldestFirstItsZeroPaddedIdentifierMappedAndItsLocalTimeInItsZone() {
        List<TrackingEvent> events = CanadaPostResponses.events(Fixtures.resource(
                "io/shipbridge/carrier/canadapost/tracking-detail-response.xml"), "7023210039414604");

        assertThat(events).extracting(TrackingEvent::rawCode)
                .containsExactly("3000", "2300", "410", "174", "1496", "20");
        assertThat(events).extracting(TrackingEvent::status).containsExactly(TrackingStatus.PENDING,
                TrackingStatus.PICKED_UP, TrackingStatus.IN_TRANSIT, TrackingStatus.OUT_FOR_DELIVERY,
                TrackingStatus.DELIVERED, TrackingStatus.UNKNOWN);
        assertThat(events.get(0).occurredAt()).isEqualTo(Instant.parse("2026-11-20T14:32:17Z"));
        assertThat(events.get(4).description()).isEqualTo("Item successfully delivered");
        assertThat(events.get(1).location()).isEqualTo("TORONTO, ON");
    }

    @Test
    void readsTheOlderTrackingNamespaceAlikeAndKeepsAnUnknownCodeRaw() {
        List<TrackingEvent> events = CanadaPostResponses.events(Fixtures.resource(
                "io/shipbridge/carrier/canadapost/tracking-detail-v1-response.xml"), "1371134583769923");

        assertThat(events).extracting(TrackingEvent::rawCode).containsExactly("9999", "1479");
        assertThat(events).extracting(TrackingEvent::status).containsExactly(TrackingStatus.UNKNOWN,
                TrackingStatus.DELIVERY_FAILED);
        assertThat(events.get(1).occurredAt()).isEqualTo(Instant.parse("2026-07-02T18:05:00Z"));
    }

    @Test
    void canadaPostsMessagesAreRefusalsWithTheirCodesAndAnythingElseIsUnavailability() {
        String create = Fixtures.resource("io/shipbridge/carrier/canadapost/messages-create-400.xml");

        assertThat(CanadaPostResponses.messages(create)).extracting(CanadaPostResponses.Message::code)
                .containsExactly("2695", "1159");
        assertThat(CanadaPostResponses.failure("create_shipment", 400, create))
                .isInstanceOf(CarrierRejectedException.class)
                .hasMessageContaining("2695 Contact Phone number is a required field; 1159 Province");
        assertThat(CanadaPostResponses.failure("create_shipment", 401, "<messages xmlns=\"http://www.canadapost"
                + ".ca/ws/messages\"><message><code>E002</code><description>AAA Authentication Failure</description>"
                + "</message></messages>")).isInstanceOf(CarrierRejectedException.class)
                .hasMessageContaining("check CANADAPOST_USERNAME");
        assertThat(CanadaPostResponses.failure("create_shipment", 404, Fixtures.resource(
                "io/shipbridge/carrier/canadapost/gateway-503.html"))).isInstanceOf(CarrierUnavailableException.class);
        assertThat(CanadaPostResponses.hasCode(CanadaPostResponses.messages(Fixtures.resource(
                "io/shipbridge/carrier/canadapost/messages-void-transmitted.xml")),
                CanadaPostResponses.TRANSMITTED_ALREADY)).isTrue();
        assertThat(CanadaPostResponses.hasCode(CanadaPostResponses.messages(Fixtures.resource(
                "io/shipbridge/carrier/canadapost/messages-nothing-to-transmit.xml")),
                CanadaPostResponses.NOTHING_TO_TRANSMIT)).isTrue();
        assertThat(CanadaPostResponses.isMessages(Fixtures.resource(
                "io/shipbridge/carrier/canadapost/messages-void-unknown-404.xml"))).isTrue();
        assertThatThrownBy(() -> CanadaPostResponses.shipmentInfo(Fixtures.resource(
                "io/shipbridge/carrier/canadapost/gateway-503.html"))).isInstanceOf(CarrierUnavailableException.class);
    }

    @Test
    void eventIdentifiersLoseTheirLeadingZerosOnly() {
        assertThat(CanadaPostResponses.eventCode("0174")).isEqualTo("174");
        assertThat(CanadaPostResponses.eventCode("0500")).isEqualTo("500");
        assertThat(CanadaPostResponses.eventCode("1496")).isEqualTo("1496");
        assertThat(CanadaPostResponses.eventCode("0")).isEqualTo("0");
        assertThat(CanadaPostResponses.eventCode("  ")).isNull();
    }

    @Test
    void provincesAreReadFromCodesAndFromEnglishOrFrenchNames() {
        assertThat(Provinces.code("qc")).hasValue("QC");
        assertThat(Provinces.code("Québec")).hasValue("QC");
        assertThat(Provinces.code("Colombie-Britannique")).hasValue("BC");
        assertThat(Provinces.code("Ile-du-Prince-Edouard")).hasValue("PE");
        assertThat(Provinces.code("Newfoundland and Labrador")).hasValue("NL");
        assertThat(Provinces.code("Texas")).isEmpty();
    }

    static CanadaPostSettings settings(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(Map.of("CANADAPOST_BASE_URL", "https://ct.soa-gw.canadapost.ca",
                "CANADAPOST_CUSTOMER_NUMBER", "2004381", "CANADAPOST_USERNAME", "6e93d53968881714",
                "CANADAPOST_CONTRACT_ID", "42708517", "SHIP_FROM_NAME", "Shipbridge Demo Seller Inc.",
                "SHIP_FROM_STREET", "1200 Bay Street", "SHIP_FROM_CITY", "Toronto", "SHIP_FROM_POSTCODE", "M5R 2A5",
                "SHIP_FROM_COUNTRY", "CA", "SHIP_FROM_PHONE", "+1 416 555 0100"));
        values.put("SHIP_FROM_REGION", "ON");
        values.putAll(overrides);
        return CanadaPostSettings.from(new CarrierContext(Config.of(values), field -> () -> "secret", null, null,
                null, null));
    }

    private static ShipmentRequest request(String reference, Address to, String kg) {
        return new ShipmentRequest(reference, FROM, to, List.of(new Parcel(1, new BigDecimal(kg),
                new ParcelDimensions(new BigDecimal("30"), new BigDecimal("22"), new BigDecimal("9")))),
                LocalDate.of(2026, 11, 20), reference.replace("-A", ""));
    }

    private static Element parse(String xml) {
        return XmlElements.parse(xml).orElseThrow();
    }
}
