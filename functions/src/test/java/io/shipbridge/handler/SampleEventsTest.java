package io.shipbridge.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.app.Components;
import io.shipbridge.config.Json;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.Shipment;
import io.shipbridge.order.StatusChange;
import io.shipbridge.order.TransitionRequest;
import io.shipbridge.standins.LambdaContext;
import io.shipbridge.testing.Fixtures;
import io.shipbridge.testing.MiraklOrders;
import io.shipbridge.testing.OrderScenarios;
import io.shipbridge.testing.TestStack;
import io.shipbridge.testing.TipsaStub;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Runs every sample event of {@code events/} through its handler, in the order an order's life calls them, and
 * checks what each one did. The same files serve {@code sam local invoke -e}.
 */
class SampleEventsTest {
    @RegisterExtension
    static final TestStack STACK = new TestStack();

    private static final String ORDER = "1045281-A";
    private static final String TRACKING_NUMBER = "0128346565";
    private static final String CARRIER_WEBHOOK = "carrier-webhook";
    private static final Map<String, String> HANDLER_OF_EVENT = Map.ofEntries(
            Map.entry("fetch-orders-schedule.json", "FetchOrdersHandler"),
            Map.entry("fetch-orders-manual.json", "FetchOrdersHandler"),
            Map.entry("accept-order.json", "AcceptOrderHandler"),
            Map.entry("create-shipment.json", "CreateShipmentHandler"),
            Map.entry("tracking-poller.json", "TrackingPollerHandler"),
            Map.entry("tracking-consumer.json", "TrackingConsumerHandler"),
            Map.entry("push-tracking.json", "PushTrackingHandler"),
            Map.entry("record-failure.json", "RecordFailureHandler"),
            Map.entry("schedule-retry.json", "ScheduleRetryHandler"),
            Map.entry("operator-api.json", "OperatorApiHandler"),
            Map.entry("daily-export.json", "DailyExportHandler"),
            Map.entry("close-day.json", "CloseDayHandler"),
            Map.entry("import-status-file.json", "ImportStatusFileHandler"),
            Map.entry("import-catalog.json", "ImportCatalogHandler"));

    @Test
    void everySampleEventIsRunHereAndEveryHandlerHasOne() throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.repositoryFile("events"))) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> !f.startsWith(CARRIER_WEBHOOK)))
                    .containsExactlyInAnyOrderElementsOf(HANDLER_OF_EVENT.keySet());
        }
        assertThat(carrierWebhookSamples()).contains("carrier-webhook.json");
        try (Stream<Path> handlers = Files.list(Fixtures.repositoryFile(
                "functions/src/main/java/io/shipbridge/handler"))) {
            assertThat(handlers.map(f -> f.getFileName().toString().replace(".java", ""))
                    .filter(n -> n.endsWith("Handler") && !n.equals("TaskHandler")))
                    .containsExactlyInAnyOrderElementsOf(union(HANDLER_OF_EVENT.values(), "CarrierWebhookHandler"));
        }
    }

    @Test
    void theSampleEventsTakeAnOrderFromMiraklToItsDoorstep() {
        TestStack.METRICS.clear();
        Components components = STACK.components();
        components.skuCatalog().put("SKU-8412345", new BigDecimal("1.1"));
        ObjectNode waiting = MiraklOrders.waitingAcceptance(ORDER, TestStack.START.minusSeconds(60), "SKU-8412345", 2);
        STACK.mirakl().listing(List.of(waiting));

        JsonNode fetched = task(new FetchOrdersHandler(components), "fetch-orders-schedule.json");
        assertThat(fetched.path("outcomes").path("CREATED").asInt()).isEqualTo(1);
        assertThat(STACK.stepFunctions().startedExecutionNames()).containsExactly(ORDER);

        assertThat(task(new AcceptOrderHandler(components), "accept-order.json").path("state").asText())
                .isEqualTo("ACCEPTED");
        assertThat(STACK.stepFunctions().resumedTokens()).isEmpty();

        STACK.clock().advance(Duration.ofMinutes(15));
        STACK.mirakl().listing(List.of(MiraklOrders.shipping(waiting, TestStack.START.plusSeconds(600), "ES",
                "28014")));
        task(new FetchOrdersHandler(components), "fetch-orders-manual.json");
        assertThat(STACK.stepFunctions().resumedTokens()).containsExactly(
                event("accept-order.json").path("taskToken").asText());

        STACK.tipsa().shipmentFor(ORDER, TRACKING_NUMBER);
        assertThat(task(new CreateShipmentHandler(components), "create-shipment.json").path("state").asText())
                .isEqualTo("AWAITING_TRACKING");
        assertThat(components.orders().get(ORDER).shipment().trackingNumber()).isEqualTo(TRACKING_NUMBER);
        assertThat(components.orders().get(ORDER).carrierChoice().carrier()).isEqualTo("tipsa");

        STACK.tipsa().states(TRACKING_NUMBER, List.of(
                new TipsaStub.State("0", Instant.parse("2026-11-20T10:00:00Z")),
                new TipsaStub.State("1", Instant.parse("2026-11-21T06:40:00Z"))));
        // The table is shared by every test class: what others left awaiting tracking may be polled too.
        assertThat(task(new TrackingPollerHandler(components), "tracking-poller.json").path("queued").asInt())
                .isGreaterThanOrEqualTo(2);
        assertThat(STACK.drainQueue()).as("this order's two scans").extracting(Message::body)
                .filteredOn(body -> body.contains("\"trackingNumber\":\"" + TRACKING_NUMBER + "\"")).hasSize(2);

        SQSBatchResponse consumed = new TrackingConsumerHandler(components).handleRequest(
                EventLoader.loadSQSEvent(eventPath("tracking-consumer.json")), context("TrackingConsumerFunction"));
        assertThat(consumed.getBatchItemFailures()).isEmpty();
        assertThat(components.orders().get(ORDER).state()).isEqualTo(OrderState.TRACKED);

        assertThat(task(new PushTrackingHandler(components), "push-tracking.json").path("state").asText())
                .isEqualTo("MIRAKL_OK");

        APIGatewayV2HTTPEvent webhook = EventLoader.loadApiGatewayHttpEvent(eventPath("carrier-webhook.json"));
        STACK.clock().set(Instant.ofEpochSecond(Long.parseLong(webhook.getHeaders().get("webhook-timestamp"))));
        STACK.forgetWebhook("tipsa", webhook.getHeaders().get("webhook-id"));
        assertThat(new CarrierWebhookHandler(components).handleRequest(webhook, context("CarrierWebhookFunction"))
                .getStatusCode()).isEqualTo(202);
        SQSEvent delivered = new SQSEvent();
        delivered.setRecords(STACK.drainQueue().stream().map(m -> {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId(m.messageId());
            message.setBody(m.body());
            return message;
        }).toList());
        assertThat(new TrackingConsumerHandler(components).handleRequest(delivered, context("TrackingConsumerFunction"))
                .getBatchItemFailures()).isEmpty();

        assertThat(components.orders().history(ORDER)).extracting(StatusChange::to).containsExactly(
                OrderState.PENDING_ACCEPTANCE, OrderState.ACCEPTED, OrderState.PENDING_POST, OrderState.POSTED,
                OrderState.AWAITING_TRACKING, OrderState.TRACKED, OrderState.MIRAKL_OK, OrderState.COMPLETE);
        assertThat(STACK.stepFunctions().resumedTokens()).endsWith(event("create-shipment.json").path("taskToken")
                .asText(), event("push-tracking.json").path("taskToken").asText());
        assertThat(TestStack.METRICS.totals()).containsEntry("OrdersFetched", 1.0)
                .containsEntry("OrdersAccepted", 1.0).containsEntry("ShipmentsCreated", 1.0)
                .containsEntry("TrackingPushed", 1.0).containsEntry("WebhooksReceived", 1.0)
                .containsEntry("TrackingEventsPolled", 2.0).containsEntry("TrackingEventsApplied", 2.0)
                .containsKey("ProcessingTime").doesNotContainKeys("OrdersFailed", "WebhooksRejected")
                .containsKey("OrdersInState|State=ACCEPTED").doesNotContainKey("OrdersInState|State=COMPLETE");
        assertThat(TestStack.METRICS.total("OrdersInState|State=PENDING_ACCEPTANCE")).as("the first fetch's count")
                .isEqualTo(1.0);
    }

    @Test
    void everyCarriersSampleWebhookIsAcceptedAndQueuesItsEventsForThatCarrier() throws IOException {
        Components components = STACK.components();
        for (String file : carrierWebhookSamples()) {
            APIGatewayV2HTTPEvent webhook = EventLoader.loadApiGatewayHttpEvent(eventPath(file));
            String carrier = webhook.getPathParameters().get("carrier");
            STACK.clock().set(Instant.ofEpochSecond(Long.parseLong(webhook.getHeaders().get("webhook-timestamp"))));
            STACK.drainQueue();
            STACK.forgetWebhook(carrier, webhook.getHeaders().get("webhook-id"));

            assertThat(new CarrierWebhookHandler(components).handleRequest(webhook, context("CarrierWebhookFunction"))
                    .getStatusCode()).as(file).isEqualTo(202);
            List<JsonNode> queued = STACK.drainQueue().stream().map(m -> Json.read(m.body(), JsonNode.class)).toList();
            assertThat(queued).as(file).hasSize(Json.read(webhook.getBody(), JsonNode.class).path("events").size())
                    .allSatisfy(update -> assertThat(update.path("carrier").asText()).isEqualTo(carrier));
            assertThat(queued).as(file + ": every code known to the carrier's table")
                    .noneSatisfy(update -> assertThat(update.path("status").asText()).isEqualTo("unknown"));
        }
    }

    @Test
    void theSampleFailureReportFailsTheOrderWithItsReason() {
        TestStack.METRICS.clear();
        Components components = STACK.components();
        OrderScenarios.pendingPost(components, "1045282-A", "SKU-1", 1, "ES", "28014");

        JsonNode result = task(new RecordFailureHandler(components), "record-failure.json");

        assertThat(result.path("state").asText()).isEqualTo("FAILED_POST");
        assertThat(components.orders().get("1045282-A").failureReason())
                .startsWith("NoCarrierAvailableException: No carrier for order 1045282-A");
        assertThat(TestStack.METRICS.totals()).containsEntry("OrdersFailed", 1.0)
                .containsEntry("OrdersFailed|State=FAILED_POST", 1.0);
    }

    @Test
    void theSampleFaultSchedulesARetryOfTheStepTheOrderIsAt() {
        Components components = STACK.components();
        OrderScenarios.pendingPost(components, "1045290-A", "SKU-1", 1, "ES", "28014");

        JsonNode plan = task(new ScheduleRetryHandler(components), "schedule-retry.json");

        assertThat(plan.path("at").asText()).isEqualTo("CreateShipment");
        assertThat(plan.path("waitSeconds").asLong()).isBetween(30L, 60L);
        assertThat(components.orders().get("1045290-A").recovery().lastError())
                .isEqualTo("CarrierUnavailableException: tipsa: find_shipment got no answer: request timed out");
    }

    @Test
    void theSampleOperatorRequestRetriesAFailedOrderInTheNameOfItsSigner() throws IOException {
        Components components = STACK.components();
        OrderScenarios.pendingPost(components, "1045291-A", "SKU-1", 1, "ES", "28014");
        components.failureRecording().record("1045291-A", OrderState.FAILED_POST,
                "io.shipbridge.selection.NoCarrierAvailableException", "no rule");

        APIGatewayV2HTTPResponse response = new OperatorApiHandler(components).handleRequest(
                EventLoader.loadApiGatewayHttpEvent(eventPath("operator-api.json")), context("OperatorApiFunction"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(response.getBody()).path("resumeAt").asText()).isEqualTo("CreateShipment");
        List<StatusChange> history = components.orders().history("1045291-A");
        assertThat(history.get(history.size() - 1).actor())
                .isEqualTo("operator:arn:aws:iam::123456789012:user/ana-operations");
        assertThat(history.get(history.size() - 1).reason()).isEqualTo("Retried by an operator: SEUR is back up");
    }

    @Test
    void theSampleDailyTriggerExportsYesterdaysOperationsAndTheOrdersView() {
        // An order of its own: what other tests left in the shared table is not this test's to count on.
        String own = OrderScenarios.pendingPost(STACK.components(), "BOOK-SET", 1, "ES", "28014");
        JsonNode exports = task(new DailyExportHandler(STACK.components()), "daily-export.json");

        assertThat(exports).hasSize(2);
        assertThat(exports.get(0).path("key").asText()).startsWith("exports/"
                + TestStack.START.minus(Duration.ofDays(1)).toString().substring(0, 10) + "/operations-");
        assertThat(exports.get(1).path("file").asText()).isEqualTo("orders-view.csv");
        assertThat(exports.get(1).path("rows").asLong()).isPositive();
        assertThat(STACK.aws().s3().getObjectAsBytes(g -> g.bucket(STACK.aws().resources().bucketName("LabelBucket"))
                .key(exports.get(1).path("key").asText())).asUtf8String()).contains(own);
    }

    @Test
    void theSampleCutoffClosesNothingWhereNoCarrierTakesTheDaysShipmentsTogether() {
        JsonNode result = task(new CloseDayHandler(STACK.components()), "close-day.json");

        assertThat(result.path("closed").isArray()).isTrue();
        assertThat(result.path("closed")).isEmpty();
        assertThat(result.path("overdue")).isEmpty();
    }

    @Test
    void theSampleStatusFileEventImportsTheFileItNames() throws Exception {
        Components components = STACK.components();
        String id = OrderScenarios.pendingPost(components, "BOOK-SET", 1, "ES", "28014");
        components.orders().transition(components.orders().get(id), TransitionRequest.to(OrderState.POSTED, "test",
                "shipped").withShipment(new Shipment("ontime", "OT0010004711", null, "labels/ontime/" + id
                        + "/OT0010004711.pdf", "PDF", TestStack.START, java.time.LocalDate.of(2026, 11, 20))));
        String key = event("import-status-file.json").path("detail").path("object").path("key").asText();
        STACK.aws().s3().putObject(p -> p.bucket(STACK.aws().resources().bucketName("LabelBucket")).key(key),
                RequestBody.fromString("shipment_number,status_code,event_time,location,description\r\n"
                        + "OT0010004711,REC,2026-11-20T18:40:00+01:00,VALENCIA,Recogido\r\n"));
        STACK.drainQueue();

        JsonNode outcome = task(new ImportStatusFileHandler(components), "import-status-file.json");

        assertThat(outcome.path("carrier").asText()).isEqualTo("ontime");
        assertThat(outcome.path("imported").asInt()).isEqualTo(1);
        assertThat(STACK.drainQueue()).singleElement().satisfies(message ->
                assertThat(message.body()).contains("\"trackingNumber\":\"OT0010004711\"", "\"rawCode\":\"REC\""));
    }

    private static JsonNode task(RequestStreamHandler handler, String eventFile) {
        return invoke(handler, Fixtures.repositoryText("events/" + eventFile));
    }

    private static JsonNode invoke(RequestStreamHandler handler, String input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out,
                    context(handler.getClass().getSimpleName()));
            return Json.MAPPER.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode event(String file) {
        try {
            return Json.MAPPER.readTree(Fixtures.repositoryText("events/" + file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String eventPath(String file) {
        return Fixtures.repositoryFile("events/" + file).toString();
    }

    @Test
    void theSampleCatalogUploadIsImported() {
        Components components = STACK.components();
        STACK.aws().s3().putObject(p -> p.bucket(STACK.aws().resources().bucketName("LabelBucket"))
                .key("catalog/skus-2026-11.csv"), RequestBody.fromString(
                        "sku,weight_kg,length_cm,width_cm,height_cm\nSKU-SAMPLE-1,1.25,30,20,10\nSKU-SAMPLE-2,0.4,,,\n"));

        JsonNode outcome = task(new ImportCatalogHandler(components), "import-catalog.json");

        assertThat(outcome.path("imported").asInt()).isEqualTo(2);
        assertThat(components.skuCatalog().items(List.of("SKU-SAMPLE-1", "SKU-SAMPLE-2")).get("SKU-SAMPLE-1")
                .dimensionsCm().heightCm()).isEqualByComparingTo("10");
    }

    /** {@code carrier-webhook.json} (TIPSA) and one {@code carrier-webhook-<carrier>.json} per other carrier. */
    private static List<String> carrierWebhookSamples() throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.repositoryFile("events"))) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith(CARRIER_WEBHOOK)).sorted()
                    .toList();
        }
    }

    private static Set<String> union(Collection<String> values, String more) {
        Set<String> all = new HashSet<>(values);
        all.add(more);
        return all;
    }

    private static LambdaContext context(String function) {
        return LambdaContext.of(function);
    }
}
