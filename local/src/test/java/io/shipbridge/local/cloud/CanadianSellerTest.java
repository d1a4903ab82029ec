package io.shipbridge.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import io.shipbridge.local.demo.Demo;
import io.shipbridge.local.demo.OrderSource;
import io.shipbridge.local.sim.canadapost.CanadaPostSimulator;
import io.shipbridge.local.time.SimulatedTime;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.operations.OperationStatus;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.standins.CloudFormationTemplate;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Best Buy Canada seller from the same template: orders on Canada Post, a cancelled one voided before the cut-off,
 * a cut-off whose transmit fails (flagged by the hourly check, handed over at the next cut-off), one manifest whose
 * PDF lands in the bucket, and a close fired again that changes nothing.
 */
class CanadianSellerTest {
    private static OfflineCloud cloud;
    private static CanadaPostSimulator canadaPost;
    private static final List<String> shipped = new ArrayList<>();
    private static String cancelled;

    @BeforeAll
    static void ordersWaitThroughAFailedCutoffAndShipAtTheNext() throws Exception {
        cloud = OfflineCloud.start(OfflineCloud.Options.defaults(CloudFormationTemplate.locate())
                .withSeller(Seller.CANADA));
        canadaPost = (CanadaPostSimulator) cloud.carriers().get("canadapost");
        canadaPost.refuseTransmits(true);
        Demo.uploadCatalogs(cloud, null, System.out);
        OrderSource orders = Demo.orders(Seller.CANADA, 20261129L);
        for (int i = 0; i < 3; i++) {
            ObjectNode order = orders.next(cloud.time().instant());
            cloud.placeOrder(order, null);
            shipped.add(order.path("order_id").asText());
        }
        cancelled = shipped.remove(2);
        for (String id : List.of(shipped.get(0), shipped.get(1), cancelled)) {
            await(id + " waiting for its first scan", () -> state(id) == OrderState.AWAITING_TRACKING);
        }
        cloud.mirakl().cancel(cancelled, "CUSTOMER_CANCELLATION");
        await(cancelled + " cancelled", () -> state(cancelled) == OrderState.CANCELLED);
        try (SimulatedTime.Hold held = CloudWaits.awaitAndHold(cloud, "the failed cut-off flagged",
                () -> closeDayRows(OperationStatus.ERROR).stream()
                        .anyMatch(row -> row.message().contains("were not handed over at their cut-off")))) {
            canadaPost.refuseTransmits(false);
        }
        for (String id : shipped) {
            await(id + " complete", () -> state(id) == OrderState.COMPLETE);
        }
    }

    @AfterAll
    static void stop() {
        try {
            Stories.ended(CanadianSellerTest.class, cloud);
        } finally {
            if (cloud != null) {
                cloud.close();
            }
        }
    }

    @Test
    void everyOrderShipsWithCanadaPostItsPostalCodeNormalizedAndItsTrackingUnderTheMarketplacesCode() {
        for (String id : shipped) {
            OrderView view = cloud.components().orders().get(id);
            assertThat(view.shipment().carrier()).isEqualTo("canadapost");
            assertThat(view.order().shippingAddress().postcode()).matches("[A-Z]\\d[A-Z] \\d[A-Z]\\d");
            assertThat(view.shipment().handoverDay()).isNotNull();
            JsonNode request = cloud.carriers().shipmentsFor(id).get(0).request();
            assertThat(request.path("province").asText()).matches("[A-Z]{2}");
            assertThat(cloud.mirakl().order(id).path("shipping_carrier_code").asText())
                    .as("OR23 names Canada Post by the marketplace's own code").isEqualTo("CPCL");
            assertThat(cloud.mirakl().order(id).path("shipping_tracking").asText())
                    .isEqualTo(view.shipment().trackingNumber());
        }
    }

    @Test
    void theCancelledOrdersShipmentWasVoidedAndTheOthersWentInOneManifestOnce() throws Exception {
        assertThat(cloud.carriers().get("canadapost").shipments().forReference(cancelled)).as("voided").isEmpty();
        Map<String, List<String>> manifests = canadaPost.manifests();
        assertThat(manifests).hasSize(1);
        assertThat(manifests.values().iterator().next()).containsExactlyInAnyOrderElementsOf(shipped);
        assertThat(canadaPost.notHandedOver()).isEmpty();
        assertThat(cloud.components().operations().forOrder(cancelled)).anySatisfy(row ->
                assertThat(row.action()).isEqualTo("void_shipment"));

        LocalDate day = LocalDate.parse(closeDayRows(OperationStatus.OK).get(0).meta().get("day").toString());
        String po = manifests.keySet().iterator().next();
        byte[] pdf = cloud.aws().s3().getObjectAsBytes(g -> g.bucket(cloud.aws().resources().bucketName(
                "LabelBucket")).key("manifests/canadapost/" + day + "/manifest-" + po + ".pdf")).asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
        }
        assertThat(cloud.components().handovers().pending("canadapost", day.plusDays(30))).isEmpty();
    }

    @Test
    void aCloseFiredAgainForAClosedDayChangesNothing() throws Exception {
        OperationRecord closed = closeDayRows(OperationStatus.OK).get(0);
        String day = closed.meta().get("day").toString();
        long transmits = canadaPost.calls().count(call -> call.operation().equals("transmit"));

        JsonNode answer = Json.MAPPER.readTree(invokeWhenFree("CloseDayFunction", ("{\"trigger\":\"cutoff\","
                + "\"day\":\"" + day + "\"}").getBytes(StandardCharsets.UTF_8)));

        assertThat(answer.path("closed")).anySatisfy(close -> {
            assertThat(close.path("carrier").asText()).isEqualTo("canadapost");
            assertThat(close.path("outcome").asText()).isEqualTo("already closed");
            assertThat(close.path("shipments").asInt()).isEqualTo(2);
        });
        assertThat(canadaPost.calls().count(call -> call.operation().equals("transmit"))).isEqualTo(transmits);
        assertThat(canadaPost.manifests()).hasSize(1);
    }

    @Test
    void theFailedCutoffWasRecordedThenFlaggedAndCounted() {
        // Three when the cut-off came before the cancellation was fetched, two after: both are right.
        assertThat(closeDayRows(OperationStatus.ERROR)).anySatisfy(row ->
                assertThat(row.message()).matches("Could not hand over [23] shipments of .*"));
        assertThat(cloud.metrics().totals().getOrDefault("ShipmentsNotHandedOver", 0.0)).isGreaterThanOrEqualTo(2);
        assertThat(cloud.metrics().totals().get("ShipmentsHandedOver")).isEqualTo(2);
    }

    /**
     * Invokes a function of reserved concurrency 1 as a caller of Lambda does: throttled while its schedule's own
     * invocation runs (the hourly sweep fires every second or so of wall time here), it tries again.
     */
    private static byte[] invokeWhenFree(String function, byte[] event) throws InterruptedException {
        try (SimulatedTime.Hold held = CloudWaits.awaitAndHold(cloud, function + " free",
                () -> cloud.function(function).running() == 0)) {
            return cloud.function(function).invoke(event);
        }
    }

    private static List<OperationRecord> closeDayRows(OperationStatus status) {
        List<OperationRecord> rows = new ArrayList<>();
        Instant from = Instant.parse("2026-11-20T00:00:00Z");
        for (Instant day = from; !day.isAfter(cloud.time().instant()); day = day.plus(Duration.ofDays(1))) {
            cloud.components().operations().ofDay(day).stream()
                    .filter(row -> row.action().equals("close_day") && row.status() == status)
                    .forEach(rows::add);
        }
        return rows;
    }

    private static OrderState state(String id) {
        return CloudWaits.state(cloud, id);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        CloudWaits.await(cloud, what, condition);
    }
}
