package io.shipbridge.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import io.shipbridge.local.demo.Demo;
import io.shipbridge.local.demo.OrderGenerator;
import io.shipbridge.local.sim.carrier.CarrierSimulator;
import io.shipbridge.local.sim.carrier.FileExchange;
import io.shipbridge.local.sim.carrier.SimulatedShipment;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.standins.CloudFormationTemplate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * OnTime, a carrier without an API, end to end: orders under 1 kg get numbers from OnTime's range and labels
 * Shipbridge prints; at the cut-off their manifest (CSV and PDF) goes to the bucket, to OnTime's SFTP server through
 * the seller's Transfer Family connector and to its depot by SES; the simulated OnTime collects the parcels of the
 * uploaded manifest and drops status files, which Shipbridge imports until the orders are delivered; a cancelled
 * order stays off.
 */
class OnTimeFilesTest {
    private static OfflineCloud cloud;
    private static CarrierSimulator onTime;
    private static final List<String> shipped = new ArrayList<>();
    private static String cancelled;

    @BeforeAll
    static void lightOrdersShipWithOnTimeThroughFiles() throws Exception {
        cloud = OfflineCloud.start(OfflineCloud.Options.defaults(CloudFormationTemplate.locate()));
        onTime = cloud.carriers().get("ontime");
        Demo.uploadCatalogs(cloud, null, System.out);
        OrderGenerator orders = new OrderGenerator(new SplittableRandom(20261130L), 1);
        for (int i = 0; i < 3; i++) {
            ObjectNode order = orders.next(cloud.time().instant(), OrderGenerator.Kind.DOMESTIC_UNDER_1_KG);
            cloud.placeOrder(order, i == 2 ? (ObjectNode) Json.MAPPER.readTree("{\"cancelAfterAcceptanceMinutes\":"
                    + " 120, \"expect\": \"CANCELLED\"}") : null);
            shipped.add(order.path("order_id").asText());
        }
        cancelled = shipped.remove(2);
        await(cancelled + " cancelled", () -> state(cancelled) == OrderState.CANCELLED);
        for (String id : shipped) {
            await(id + " complete", () -> state(id) == OrderState.COMPLETE);
        }
    }

    @AfterAll
    static void stop() {
        try {
            Stories.ended(OnTimeFilesTest.class, cloud);
        } finally {
            if (cloud != null) {
                cloud.close();
            }
        }
    }

    @Test
    void eachOrderHasOneNumberOfOnTimesRangeAndALabelWhoseNumberIsItsTrackingNumber() {
        for (String id : shipped) {
            OrderView view = cloud.components().orders().get(id);
            assertThat(view.shipment().carrier()).isEqualTo("ontime");
            assertThat(view.shipment().trackingNumber()).matches("OT001\\d{7}");
            assertThat(onTime.shipments().forReference(id)).as("collected once").singleElement()
                    .extracting(SimulatedShipment::trackingNumber).isEqualTo(view.shipment().trackingNumber());
            assertThat(cloud.components().labels().get(view.shipment().labelKey())).startsWith("%PDF".getBytes(
                    StandardCharsets.US_ASCII));
        }
    }

    @Test
    void theManifestsWentToTheBucketAsCsvAndPdfOnePerDayWithoutTheCancelledOrder() throws Exception {
        List<String> keys = keys("manifests/ontime/");
        assertThat(keys).isNotEmpty().allMatch(key -> key.endsWith(".csv") || key.endsWith(".pdf"));
        assertThat(onTime.handoversByDay().values()).allMatch(count -> count == 1);
        StringBuilder manifests = new StringBuilder();
        for (String key : keys) {
            byte[] content = read(key);
            if (key.endsWith(".pdf")) {
                try (PDDocument pdf = Loader.loadPDF(content)) {
                    assertThat(pdf.getNumberOfPages()).isPositive();
                }
            } else {
                manifests.append(new String(content, StandardCharsets.UTF_8));
            }
        }
        for (String id : shipped) {
            assertThat(manifests.toString()).contains(cloud.components().orders().get(id).shipment().trackingNumber());
        }
        assertThat(manifests.toString()).doesNotContain(cancelled);
    }

    @Test
    void eachManifestReachedOnTimesServerByTheConnectorAndItsDepotByEmailOnce() {
        int manifests = onTime.handoversByDay().values().stream().mapToInt(Integer::intValue).sum();
        assertThat(manifests).isPositive();
        assertThat(((FileExchange) onTime).mails()).isEqualTo(manifests);
        assertThat(cloud.aws().ses().sent()).filteredOn(mail -> mail.to().contains(((FileExchange) onTime).mailbox()))
                .hasSize(manifests).allSatisfy(mail -> {
                    assertThat(mail.from()).isEqualTo(cloud.parameter("ManifestEmailFrom"));
                    assertThat(mail.attachments()).extracting(attachment -> attachment.fileName().replaceAll(".*\\.",
                            "")).containsExactly("csv", "pdf");
                });
        assertThat(onTime.calls().count(call -> call.operation().equals("sftp_upload")
                && call.key().startsWith("/entrada/manifest-"))).as("csv and pdf, each day")
                .isEqualTo(2L * manifests);
    }

    @Test
    void theStatusFilesWereImportedEachWithItsReport() throws Exception {
        List<String> files = keys("tracking-imports/ontime/");
        assertThat(files).hasSize(onTime.filesDropped()).isNotEmpty();
        for (String file : files) {
            JsonNode report = Json.MAPPER.readTree(read(file.replace("tracking-imports/", "tracking-import-reports/")
                    + ".json"));
            assertThat(report.path("imported").asInt()).isPositive();
            assertThat(report.path("errors")).isEmpty();
        }
    }

    private static List<String> keys(String prefix) {
        String bucket = cloud.aws().resources().bucketName("LabelBucket");
        return cloud.aws().s3().listObjectsV2Paginator(l -> l.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).toList();
    }

    private static byte[] read(String key) {
        return cloud.aws().s3().getObjectAsBytes(g -> g.bucket(cloud.aws().resources().bucketName("LabelBucket"))
                .key(key)).asByteArray();
    }

    private static OrderState state(String id) {
        return CloudWaits.state(cloud, id);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        CloudWaits.await(cloud, what, condition);
    }
}
