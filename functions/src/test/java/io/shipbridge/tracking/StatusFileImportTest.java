package io.shipbridge.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.app.Components;
import io.shipbridge.carrier.TrackingStatus;
import io.shipbridge.config.Json;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.Shipment;
import io.shipbridge.order.TransitionRequest;
import io.shipbridge.testing.OrderScenarios;
import io.shipbridge.testing.TestStack;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A status file dropped under {@code tracking-imports/ontime/}: good rows queued as events, bad rows reported with
 * their line and reason and queued nowhere, a repeated row the same event.
 */
class StatusFileImportTest {
    @RegisterExtension
    static final TestStack STACK = new TestStack();

    @Test
    void goodRowsAreQueuedBadRowsReportedWithTheirLinesAndARepeatedRowIsTheSameEvent() throws Exception {
        Components components = STACK.components();
        String number = shipped(components);
        String file = String.join("\r\n",
                "shipment_number,status_code,event_time,location,description",
                number + ",REC,2026-11-20T18:40:00+01:00,VALENCIA,Recogido",
                number + ",XYZ,2026-11-20T19:00:00+01:00,VALENCIA,",
                "OT0099999999,ENT,2026-11-20T20:00:00+01:00,MADRID,Entregado",
                number + ",TRA,ayer por la tarde,VALENCIA,",
                number + ",TRA,2031-01-01T10:00:00+01:00,VALENCIA,",
                number + ",REP",
                number + ",rep,2026-11-21T08:10:00+01:00,MADRID,",
                number + ",REC,2026-11-20T18:40:00+01:00,VALENCIA,Recogido") + "\r\n";
        String key = put("status-" + UUID.randomUUID() + ".csv", file);
        STACK.drainQueue();

        StatusFileImport.Outcome outcome = components.statusFileImport().importFile(key);

        assertThat(outcome.imported()).isEqualTo(3);
        assertThat(outcome.errors()).extracting(StatusFileImport.RowError::line).containsExactly(3L, 4L, 5L, 6L, 7L);
        assertThat(outcome.errors().get(0).reason()).contains("status_code 'XYZ' is not one of");
        assertThat(outcome.errors().get(1).reason()).contains("OT0099999999 is not a shipment of this seller");
        assertThat(outcome.errors().get(2).reason()).contains("not an ISO-8601 time");
        assertThat(outcome.errors().get(3).reason()).contains("not a plausible time");
        assertThat(outcome.errors().get(4).reason()).contains("has 2 fields, the header 5");
        List<TrackingUpdate> queued = STACK.drainQueue().stream().map(Message::body)
                .map(body -> Json.read(body, TrackingUpdate.class)).toList();
        assertThat(queued).extracting(TrackingUpdate::rawCode).containsExactlyInAnyOrder("REC", "REP", "REC");
        assertThat(queued).filteredOn(update -> update.rawCode().equals("REP")).singleElement()
                .extracting(TrackingUpdate::status).isEqualTo(TrackingStatus.OUT_FOR_DELIVERY);
        assertThat(queued).filteredOn(update -> update.rawCode().equals("REC")).extracting(TrackingUpdate::eventId)
                .as("the same row twice is one event").hasSize(2).containsOnly(queued.stream()
                        .filter(update -> update.rawCode().equals("REC")).findFirst().orElseThrow().eventId());
        assertThat(queued).allSatisfy(update -> assertThat(update.source()).isEqualTo("file"));
        JsonNode report = Json.MAPPER.readTree(STACK.aws().s3().getObjectAsBytes(g -> g.bucket(bucket())
                .key(StatusFileImport.REPORTS + key.substring(StatusFileImport.UPLOADS.length()) + ".json"))
                .asUtf8String());
        assertThat(report.path("imported").asInt()).isEqualTo(3);
        assertThat(report.path("errors").get(1).path("line").asInt()).isEqualTo(4);

        StatusFileImport.Outcome again = components.statusFileImport().importFile(key);
        assertThat(again.imported()).isEqualTo(3);
        assertThat(STACK.drainQueue().stream().map(Message::body).map(body -> Json.read(body, TrackingUpdate.class)
                .eventId()).toList()).as("imported again: the same events").containsExactlyInAnyOrderElementsOf(
                        queued.stream().map(TrackingUpdate::eventId).toList());
    }

    @Test
    void aFileOfAnUnknownCarrierOrWithoutTheColumnsIsRefusedWhole() {
        Components components = STACK.components();
        StatusFileImport.Outcome unknown = components.statusFileImport().importFile(put("../acme/x.csv",
                "shipment_number,status_code,event_time\r\n"));
        StatusFileImport.Outcome headless = components.statusFileImport().importFile(put("status-h.csv",
                "numero,estado\r\nOT1,ENT\r\n"));

        assertThat(unknown.errors()).singleElement().satisfies(e -> assertThat(e.reason())
                .contains("no carrier 'acme'"));
        assertThat(headless.imported()).isZero();
        assertThat(headless.errors()).singleElement().satisfies(e -> assertThat(e.reason())
                .contains("the header has no shipment_number column"));
        assertThat(components.statusFileImport().importFile("catalog/skus.csv").skipped()).isTrue();
    }

    private static String shipped(Components components) {
        String id = OrderScenarios.pendingPost(components, "BOOK-SET", 1, "ES", "28014");
        String number = "OT009" + String.format("%07d", Math.abs(id.hashCode() % 10_000_000));
        components.orders().transition(components.orders().get(id), TransitionRequest.to(OrderState.POSTED, "test",
                "shipped").withShipment(new Shipment("ontime", number, null, "labels/ontime/" + id + "/" + number
                        + ".pdf", "PDF", TestStack.START, null)));
        return number;
    }

    private static String put(String name, String content) {
        String key = StatusFileImport.UPLOADS + "ontime/" + name;
        String normalized = key.replace("ontime/../", "");
        STACK.aws().s3().putObject(p -> p.bucket(bucket()).key(normalized),
                RequestBody.fromString(content, StandardCharsets.UTF_8));
        return normalized;
    }

    private static String bucket() {
        return STACK.aws().resources().bucketName("LabelBucket");
    }
}
