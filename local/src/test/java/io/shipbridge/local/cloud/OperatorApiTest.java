package io.shipbridge.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import io.shipbridge.local.cli.SignedRequests;
import io.shipbridge.local.demo.Demo;
import io.shipbridge.local.demo.OrderGenerator;
import io.shipbridge.local.sim.carrier.SimulatedShipment;
import io.shipbridge.local.states.Execution;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.StatusChange;
import io.shipbridge.standins.CloudFormationTemplate;
import io.shipbridge.standins.LocalAws;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator API through the offline cloud's HTTP API, signed as an operator signs: an order that failed while its
 * shipment existed is retried to COMPLETE, its shipment adopted; exports, health, listings and bad requests.
 */
class OperatorApiTest {
    private static OfflineCloud cloud;
    private static SignedRequests operator;
    private static final List<String> ordinary = new ArrayList<>();
    private static String unreachable;
    private static String neverDebited;

    record Answer(int status, JsonNode body) {
    }

    @BeforeAll
    static void anOrderFailsAfterItsShipmentWasRecordedWhileOthersComplete() throws Exception {
        // A one-hour recovery window: the carrier stays unreachable longer, so the order fails within seconds.
        cloud = OfflineCloud.start(OfflineCloud.Options.defaults(CloudFormationTemplate.locate())
                .withSettings(Map.of("RECOVERY_WINDOW_HOURS", "1")));
        operator = new SignedRequests(LocalAws.CREDENTIALS, "eu-west-1");
        Demo.uploadCatalogs(cloud, null, System.out);
        OrderGenerator generator = new OrderGenerator(new SplittableRandom(20261129L), 1);
        for (int i = 0; i < 3; i++) {
            ObjectNode order = generator.next(cloud.time().instant());
            cloud.placeOrder(order, null);
            ordinary.add(order.path("order_id").asText());
        }
        ObjectNode order = generator.next(cloud.time().instant());
        cloud.placeOrder(order, (ObjectNode) Json.MAPPER.readTree("{\"carrier\": \"unreachable_after_recording\"}"));
        unreachable = order.path("order_id").asText();
        ObjectNode waiting = generator.next(cloud.time().instant());
        cloud.placeOrder(waiting, (ObjectNode) Json.MAPPER.readTree("{\"debit\": \"never\"}"));
        neverDebited = waiting.path("order_id").asText();

        List<String> ending = new ArrayList<>(ordinary);
        ending.add(unreachable);
        for (String id : ending) {
            awaitEnd(id);
        }
        awaitState(neverDebited, OrderState.ACCEPTED);
    }

    @AfterAll
    static void stop() {
        try {
            Stories.ended(OperatorApiTest.class, cloud);
        } finally {
            if (cloud != null) {
                cloud.close();
            }
        }
    }

    @Test
    void aFailedPostOrderWhoseShipmentExistsIsRetriedToCompleteWithItsShipmentAdopted() throws Exception {
        assertThat(cloud.components().orders().get(unreachable).state()).isEqualTo(OrderState.FAILED_POST);
        List<SimulatedShipment> atCarrier = cloud.carriers().shipmentsFor(unreachable);
        assertThat(atCarrier).as("recorded at the carrier, though the order never learnt it").hasSize(1);

        Answer failed = call("GET", "/api/v1/logs/orders-view?state=FAILED_POST", null);
        assertThat(failed.status()).isEqualTo(200);
        assertThat(failed.body().path("orders")).anySatisfy(row -> {
            assertThat(row.path("orderId").asText()).isEqualTo(unreachable);
            assertThat(row.path("failureReason").asText()).startsWith("RecoveryExhaustedException: CreateShipment"
                    + " kept failing for").contains("longer than the recovery window of 60 min");
        });
        Answer before = call("GET", "/api/v1/orders/" + unreachable, null);
        assertThat(before.body().path("operations")).anySatisfy(row ->
                assertThat(row.path("action").asText()).isEqualTo("retry_scheduled"));
        assertThat(before.body().has("label")).isFalse();

        cloud.carriers().lift(unreachable);
        Answer retried = call("POST", "/api/v1/orders/" + unreachable + "/retry",
                "{\"reason\": \"the carrier is reachable again\"}");

        assertThat(retried.status()).as(retried.body().toString()).isEqualTo(200);
        assertThat(retried.body().path("resumeAt").asText()).isEqualTo("CreateShipment");
        assertThat(retried.body().path("state").asText()).isEqualTo("PENDING_POST");
        awaitState(unreachable, OrderState.COMPLETE);
        Execution execution = execution(retried.body().path("execution").asText());
        awaitEnd(execution);
        assertThat(execution.status()).isEqualTo(Execution.Status.SUCCEEDED);
        assertThat(execution.statesEntered()).startsWith("StartOrResume", "CreateShipment").doesNotContain(
                "AcceptOrder");
        assertThat(cloud.carriers().shipmentsFor(unreachable)).as("no second shipment").hasSize(1);
        Answer after = call("GET", "/api/v1/orders/" + unreachable, null);
        assertThat(after.body().path("order").path("shipment").path("trackingNumber").asText())
                .isEqualTo(atCarrier.get(0).trackingNumber());
        List<StatusChange> history = cloud.components().orders().history(unreachable);
        assertThat(history).anySatisfy(change -> {
            assertThat(change.actor()).isEqualTo("operator:arn:aws:iam::000000000000:user/"
                    + LocalAws.CREDENTIALS.resolveCredentials().accessKeyId());
            assertThat(change.reason()).isEqualTo("Retried by an operator: the carrier is reachable again");
        });
        assertThat(history).filteredOn(change -> change.to() == OrderState.POSTED).singleElement()
                .satisfies(posted -> assertThat(posted.details()).containsKey("adopted"));
        for (String call : List.of("OR21", "OR23", "OR24")) {
            assertThat(cloud.mirakl().calls().appliedByKey(call)).as(call).containsEntry(unreachable, 1L);
        }
        HttpResponse<byte[]> label = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(after.body().path("label").path("url").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(label.statusCode()).isEqualTo(200);
        assertThat(new String(label.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isIn("%PDF", "^XA\n",
                "^XA^");
    }

    @Test
    void exportsAreCsvWithTheSeedsColumnsBehindADownloadLink() throws Exception {
        String fetchDay = cloud.components().operations().forOrder(ordinary.get(0)).get(0).timestamp().toString()
                .substring(0, 10);
        Answer operations = call("GET", "/api/v1/logs/exports/operations.csv?date=" + fetchDay, null);
        Answer orders = call("GET", "/api/v1/logs/exports/orders-view.csv", null);

        assertThat(operations.status()).as(operations.body().toString()).isEqualTo(201);
        List<CSVRecord> operationRows = download(operations, List.of("timestamp", "scope", "action", "order_id",
                "carrier", "status", "message", "meta"));
        assertThat(operationRows).hasSize(operations.body().path("rows").asInt()).isNotEmpty();
        assertThat(operationRows).anySatisfy(row -> {
            assertThat(row.get("action")).isEqualTo("fetch_order");
            assertThat(row.get("scope")).isEqualTo("mirakl");
        });
        assertThat(operationRows).allSatisfy(row -> assertThat(Json.MAPPER.readTree(row.get("meta")).isObject())
                .isTrue());
        assertThat(operations.body().path("key").asText()).startsWith("exports/").endsWith(".csv");

        List<CSVRecord> orderRows = download(orders, List.of("order_id", "commercial_id", "internal_state",
                "mirakl_state", "carrier_code", "tracking_number", "expedition_id", "carrier_status",
                "mirakl_tracking_updated", "failure_reason", "created_at", "updated_at", "first_scan_at",
                "delivered_at"));
        Set<String> exported = new HashSet<>();
        orderRows.forEach(row -> exported.add(row.get("order_id")));
        assertThat(exported).containsAll(ordinary).contains(neverDebited);
        assertThat(orderRows).filteredOn(row -> ordinary.contains(row.get("order_id")))
                .allSatisfy(row -> assertThat(row.get("internal_state")).isEqualTo("COMPLETE"));
    }

    @Test
    void healthTellsTheLastFetchReachabilityQueuesAndExecutions() throws Exception {
        Answer health = call("GET", "/api/v1/health", null);

        assertThat(health.status()).isEqualTo(200);
        JsonNode body = health.body();
        assertThat(body.path("status").asText()).isIn("ok", "degraded");
        assertThat(body.path("lastFetch").path("ok").asBoolean()).isTrue();
        assertThat(body.path("lastFetch").path("trigger").asText()).isIn("schedule", "manual");
        assertThat(body.path("carriers").fieldNames()).toIterable().contains("tipsa", "seur", "correosexpress");
        assertThat(body.path("queues").has("trackingDeadLetters")).isTrue();
        assertThat(body.path("executions").path("running").asInt()).as("the order waiting for its debit")
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void listsPageByPageNewestFirst() throws Exception {
        Answer first = call("GET", "/api/v1/logs/orders-view?state=COMPLETE&limit=2", null);
        Answer second = call("GET", "/api/v1/logs/orders-view?state=COMPLETE&limit=2&cursor="
                + first.body().path("next").asText(), null);

        assertThat(first.body().path("orders")).hasSize(2);
        List<String> firstIds = new ArrayList<>();
        first.body().path("orders").forEach(row -> firstIds.add(row.path("orderId").asText()));
        assertThat(first.body().path("orders").get(0).path("updatedAt").asText())
                .isGreaterThanOrEqualTo(first.body().path("orders").get(1).path("updatedAt").asText());
        assertThat(second.body().path("orders")).isNotEmpty().noneSatisfy(row ->
                assertThat(firstIds).contains(row.path("orderId").asText()));

        Answer byOrder = call("GET", "/api/v1/logs/operations?orderId=" + ordinary.get(0) + "&limit=5", null);
        assertThat(byOrder.body().path("operations")).isNotEmpty().allSatisfy(row ->
                assertThat(row.path("orderId").asText()).isEqualTo(ordinary.get(0)));
        String newest = byOrder.body().path("operations").get(0).path("timestamp").asText();
        Answer since = call("GET", "/api/v1/logs/operations?orderId=" + ordinary.get(0) + "&since=" + newest, null);
        assertThat(since.body().path("operations")).isNotEmpty().allSatisfy(row ->
                assertThat(row.path("timestamp").asText()).isGreaterThanOrEqualTo(newest));
        assertThat(since.body().path("operations").size()).isLessThan(byOrder.body().path("operations").size());
    }

    @Test
    void anOperatorCancelsAnOrderBeforeItShipsAndItsExecutionEnds() throws Exception {
        Answer cancelled = call("POST", "/api/v1/orders/" + neverDebited + "/cancel",
                "{\"reason\": \"customer asked by phone\"}");

        assertThat(cancelled.status()).as(cancelled.body().toString()).isEqualTo(200);
        assertThat(cancelled.body().path("state").asText()).isEqualTo("CANCELLED");
        awaitEnd(neverDebited);
        assertThat(execution(neverDebited).statesEntered()).endsWith("Cancelled");
        assertThat(cloud.components().operations().forOrder(neverDebited)).anySatisfy(row ->
                assertThat(row.action()).isEqualTo("cancel_on_mirakl_by_hand"));
        assertThat(call("POST", "/api/v1/orders/" + neverDebited + "/cancel", null).status())
                .as("cancelled already").isEqualTo(409);
    }

    @Test
    void badRequestsAreRefusedWithAReasonAndChangeNothing() throws Exception {
        String complete = ordinary.get(0);
        long version = cloud.components().orders().get(complete).version();
        HttpResponse<String> unsigned = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                cloud.apiUrl().resolve("/api/v1/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(403);

        Map<String, Integer> refusals = new java.util.LinkedHashMap<>();
        refusals.put("GET /api/v1/logs/orders-view", 400);
        refusals.put("GET /api/v1/logs/orders-view?state=SHIPPED_TO_MARS", 400);
        refusals.put("GET /api/v1/logs/orders-view?state=COMPLETE&limit=0", 400);
        refusals.put("GET /api/v1/logs/orders-view?state=COMPLETE&cursor=bm90LWEtY3Vyc29y", 400);
        refusals.put("GET /api/v1/logs/orders-view?state=COMPLETE&since=yesterday", 400);
        refusals.put("GET /api/v1/logs/operations?date=2026-13-45", 400);
        refusals.put("GET /api/v1/logs/exports/passwords.csv", 400);
        refusals.put("GET /api/v1/orders/NO-SUCH-ORDER", 404);
        refusals.put("POST /api/v1/orders/" + complete + "/retry", 409);
        refusals.put("POST /api/v1/orders/" + complete + "/cancel", 409);
        refusals.put("POST /api/v1/orders/NO-SUCH-ORDER/retry", 404);
        for (Map.Entry<String, Integer> refusal : refusals.entrySet()) {
            String[] request = refusal.getKey().split(" ");
            Answer answer = call(request[0], request[1], null);
            assertThat(answer.status()).as(refusal.getKey() + ": " + answer.body()).isEqualTo(refusal.getValue());
            assertThat(answer.body().path("error").asText()).as(refusal.getKey()).isNotBlank();
        }
        assertThat(call("POST", "/api/v1/orchestrator/fetch-orders", "{\"since\": \"last week\"}").status())
                .isEqualTo(400);
        assertThat(call("POST", "/api/v1/orders/" + complete + "/retry", "[not json").status()).isEqualTo(400);
        assertThat(call("POST", "/api/v1/orders/" + complete + "/retry", "{\"reason\": 42}").status()).isEqualTo(400);
        assertThat(cloud.components().orders().get(complete).version()).as("nothing changed").isEqualTo(version);
    }

    @Test
    void aManualFetchTakesEachOrderInOnceAndTheDeadLetterQueueGoesBack() throws Exception {
        Answer fetched = call("POST", "/api/v1/orchestrator/fetch-orders", "{\"since\": \""
                + cloud.time().instant().minus(Duration.ofDays(2)) + "\"}");
        assertThat(fetched.status()).as(fetched.body().toString()).isEqualTo(200);
        assertThat(fetched.body().path("trigger").asText()).isEqualTo("manual");
        assertThat(fetched.body().path("outcomes").has("CREATED")).as("nothing new").isFalse();

        String deadLetters = cloud.aws().resources().queueUrl("TrackingDeadLetterQueue");
        cloud.aws().sqs().sendMessage(m -> m.queueUrl(deadLetters).messageBody("{\"carrier\":\"tipsa\"}"));
        Answer redriven = call("POST", "/api/v1/dead-letters/tracking/redrive", null);
        assertThat(redriven.status()).isEqualTo(200);
        assertThat(redriven.body().path("moved").asInt()).as("ours, and any the consumer gave up on before")
                .isGreaterThanOrEqualTo(1);
    }

    private static List<CSVRecord> download(Answer export, List<String> header) throws Exception {
        HttpResponse<String> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(export.body().path("url").asText())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(file.statusCode()).isEqualTo(200);
        try (CSVParser parser = CSVParser.parse(new StringReader(file.body()), CSVFormat.RFC4180.builder()
                .setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(header);
            return parser.getRecords();
        }
    }

    private static Answer call(String method, String path, String body) throws Exception {
        HttpResponse<String> response = operator.send(method, cloud.apiUrl().resolve(path), body);
        return new Answer(response.statusCode(), response.body().isBlank() ? Json.MAPPER.createObjectNode()
                : Json.MAPPER.readTree(response.body()));
    }

    private static Execution execution(String name) {
        return cloud.engine().executions().stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no execution " + name));
    }

    private static void awaitEnd(String name) throws InterruptedException {
        CloudWaits.await(cloud, "the end of the execution of " + name, () -> cloud.engine().executions().stream()
                .anyMatch(e -> e.name().equals(name) && e.status() != Execution.Status.RUNNING));
    }

    private static void awaitEnd(Execution execution) throws InterruptedException {
        CloudWaits.await(cloud, "the end of " + execution.name(), () -> execution.status()
                != Execution.Status.RUNNING);
    }

    private static void awaitState(String id, OrderState state) throws InterruptedException {
        CloudWaits.await(cloud, id + " " + state, () -> CloudWaits.state(cloud, id) == state);
    }
}
