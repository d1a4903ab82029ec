package io.shipbridge.carrier.ontime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipbridge.carrier.Address;
import io.shipbridge.carrier.Carrier;
import io.shipbridge.carrier.CarrierContext;
import io.shipbridge.carrier.CarrierModules;
import io.shipbridge.carrier.CarrierRejectedException;
import io.shipbridge.carrier.CreatedShipment;
import io.shipbridge.carrier.DailyHandover;
import io.shipbridge.carrier.LabelCheck;
import io.shipbridge.carrier.ShipmentRequest;
import io.shipbridge.config.Config;
import io.shipbridge.order.Parcel;
import io.shipbridge.storage.ShipmentNumbers;
import io.shipbridge.testing.TestStack;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * OnTime as a carrier without an API, on DynamoDB Local: numbers from its range, each once, each order one; the
 * label Shipbridge prints; the day's manifest as CSV and PDF, without the cancelled shipments.
 */
class OnTimeCarrierTest {
    @RegisterExtension
    static final TestStack STACK = new TestStack();

    @Test
    void eachOrderGetsOneNumberOfTheRangeHoweverOftenItAsksAndNoNumberTwice() {
        Carrier onTime = carrier("OT0010000000-OT0019999999");
        String first = order();
        String second = order();

        CreatedShipment created = onTime.createShipment(request(first, "0.850"));
        CreatedShipment again = onTime.createShipment(request(first, "0.850"));
        CreatedShipment other = onTime.createShipment(request(second, "0.400"));

        assertThat(created.trackingNumber()).matches("OT001\\d{7}").isEqualTo(again.trackingNumber());
        assertThat(other.trackingNumber()).isNotEqualTo(created.trackingNumber());
        assertThat(onTime.findShipment(first)).hasValueSatisfying(found ->
                assertThat(found.trackingNumber()).isEqualTo(created.trackingNumber()));
        assertThat(onTime.findShipment(order())).isEmpty();
        LabelCheck.verify("ontime", created.trackingNumber(), created.label());
        assertThat(onTime.label(created, first).content()).as("printed again, the same label's text")
                .isNotEmpty();
    }

    @Test
    void aRangeUsedUpIsARefusalThatSaysWhatToDo() {
        String prefix = "T" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 6);
        Carrier onTime = carrier(prefix + "01-" + prefix + "02");
        onTime.createShipment(request(order(), "0.5"));
        onTime.createShipment(request(order(), "0.5"));

        assertThatThrownBy(() -> onTime.createShipment(request(order(), "0.5")))
                .isInstanceOf(CarrierRejectedException.class)
                .hasMessageContaining("every shipment number of the range " + prefix + "01-" + prefix + "02 is used");
    }

    @Test
    void theManifestListsTheDaysParcelsButNotACancelledOneAsCsvAndPdf() throws Exception {
        Carrier onTime = carrier("OT0020000000-OT0029999999");
        String kept = order();
        String cancelled = order();
        CreatedShipment keptShipment = onTime.createShipment(request(kept, "0.850"));
        CreatedShipment cancelledShipment = onTime.createShipment(request(cancelled, "0.300"));
        onTime.cancel(cancelledShipment, cancelled);

        DailyHandover.HandedOver handedOver = onTime.dailyHandover().orElseThrow().handOver(
                LocalDate.of(2026, 11, 20), List.of(pending(kept, keptShipment), pending(cancelled,
                        cancelledShipment)));

        assertThat(handedOver.documents()).extracting(DailyHandover.Document::name)
                .containsExactly("manifest-C0042-2026-11-20.csv", "manifest-C0042-2026-11-20.pdf");
        String csv = new String(handedOver.documents().get(0).content(), java.nio.charset.StandardCharsets.UTF_8);
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get())) {
            List<CSVRecord> rows = parser.getRecords();
            assertThat(parser.getHeaderNames()).isEqualTo(OnTimeManifest.HEADER);
            assertThat(rows).singleElement().satisfies(row -> {
                assertThat(row.get("shipment_number")).isEqualTo(keptShipment.trackingNumber());
                assertThat(row.get("reference")).isEqualTo(kept);
                assertThat(row.get("recipient_name")).isEqualTo("Lucía García");
                assertThat(row.get("postcode")).isEqualTo("28014");
                assertThat(row.get("weight_kg")).isEqualTo("0.85");
                assertThat(row.get("manifest_date")).isEqualTo("2026-11-20");
            });
        }
        try (PDDocument pdf = Loader.loadPDF(handedOver.documents().get(1).content())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains(keptShipment.trackingNumber(), "Shipments: 1")
                    .doesNotContain(cancelledShipment.trackingNumber());
        }
        assertThat(onTime.findShipment(cancelled)).as("cancelled: not to travel").isEmpty();
    }

    private static DailyHandover.PendingShipment pending(String order, CreatedShipment shipment) {
        return new DailyHandover.PendingShipment(order, shipment.trackingNumber(), null, LocalDate.of(2026, 11, 20));
    }

    private static Carrier carrier(String range) {
        Map<String, String> settings = new HashMap<>(STACK.settings());
        settings.put("ONTIME_CUSTOMER_CODE", "C0042");
        settings.put("ONTIME_SHIPMENT_NUMBERS", range);
        Config config = Config.of(settings);
        return CarrierModules.installed().find("ontime").orElseThrow().connect(new CarrierContext(config,
                field -> () -> "", null, record -> { }, STACK.clock(), duration -> { },
                new ShipmentNumbers(STACK.aws().dynamoDb(), config.required("TABLE_NAME"), STACK.clock())));
    }

    private static String order() {
        return "OT-" + UUID.randomUUID().toString().substring(0, 8) + "-A";
    }

    private static ShipmentRequest request(String reference, String kg) {
        return new ShipmentRequest(reference, new Address("Shipbridge Test Seller SL", "Shipbridge Test Seller SL",
                "Polígono Industrial Norte, Nave 7", "46001", "Valencia", "ES", "+34 960 000 000", null),
                new Address("Lucía García", "Lucía García", "Calle de Alcalá 42 3º B", "28014", "Madrid", "ES",
                        "+34 600 000 000", null), List.of(new Parcel(1, new BigDecimal(kg))),
                LocalDate.of(2026, 11, 20), reference);
    }
}
