package io.shipbridge.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import io.shipbridge.local.cloud.OfflineCloud;
import io.shipbridge.local.demo.Demo;
import io.shipbridge.local.demo.OrderGenerator;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.webhook.WebhookSignature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Each function's sample event of {@code events/}, made to succeed in this offline cloud: an order taken from
 * Mirakl to its doorstep by the cloud's own functions first, so that every step of the order's life can be run again
 * on it (each step is idempotent: run again, it answers as it did), another left waiting for its debit (for the retry
 * of a step under way), the files the S3-triggered functions read put in
 * the cloud's bucket, a webhook signed now with the cloud's secret.
 */
final class BenchEvents {
    /** The sample event of each handler, by the handler's simple name. */
    private static final Map<String, String> EVENT_OF_HANDLER = Map.ofEntries(
            Map.entry("FetchOrdersHandler", "fetch-orders-schedule.json"),
            Map.entry("AcceptOrderHandler", "accept-order.json"),
            Map.entry("CreateShipmentHandler", "create-shipment.json"),
            Map.entry("PushTrackingHandler", "push-tracking.json"),
            Map.entry("ScheduleRetryHandler", "schedule-retry.json"),
            Map.entry("RecordFailureHandler", "record-failure.json"),
            Map.entry("CarrierWebhookHandler", "carrier-webhook.json"),
            Map.entry("ImportCatalogHandler", "import-catalog.json"),
            Map.entry("ImportStatusFileHandler", "import-status-file.json"),
            Map.entry("OperatorApiHandler", "operator-api.json"),
            Map.entry("DailyExportHandler", "daily-export.json"),
            Map.entry("CloseDayHandler", "close-day.json"),
            Map.entry("TrackingPollerHandler", "tracking-poller.json"),
            Map.entry("TrackingConsumerHandler", "tracking-consumer.json"));

    private final OfflineCloud cloud;
    private final OrderView order;
    private final OrderView waiting;

    private BenchEvents(OfflineCloud cloud, OrderView order, OrderView waiting) {
        this.cloud = cloud;
        this.order = order;
        this.waiting = waiting;
    }

    /**
     * Takes one order through its whole life in {@code cloud}, and another to where it waits for the customer's
     * debit (which never comes: a step of it can be retried), then stops the schedules and slows the cloud's clock
     * to the wall clock's, so that the order still waits however long the runs take.
     */
    static BenchEvents prepare(OfflineCloud cloud, long seed, PrintStream out) throws IOException,
            InterruptedException {
        Demo.uploadCatalogs(cloud, null, out);
        OrderGenerator generator = new OrderGenerator(new SplittableRandom(seed), 1);
        ObjectNode placed = generator.next(cloud.time().instant());
        cloud.placeOrder(placed, null);
        ObjectNode neverDebited = generator.next(cloud.time().instant());
        cloud.placeOrder(neverDebited, (ObjectNode) Json.MAPPER.readTree("{\"debit\": \"never\"}"));
        OrderView complete = await(cloud, placed.path("order_id").asText(), OrderState.COMPLETE);
        OrderView waiting = await(cloud, neverDebited.path("order_id").asText(), OrderState.ACCEPTED);
        cloud.pauseSchedules();
        // The functions' JVMs live in real time; at the cloud's pace the waiting order's debit would time out.
        cloud.time().keepWallClockPace();
        out.printf("Order %s taken to COMPLETE by the offline cloud, %s to ACCEPTED; each step is run again from the"
                + " jar%n", complete.orderId(), waiting.orderId());
        return new BenchEvents(cloud, complete, waiting);
    }

    private static OrderView await(OfflineCloud cloud, String id, OrderState state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        OrderView view;
        while ((view = cloud.components().orders().find(id).orElse(null)) == null || view.state() != state) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Order " + id + " never came to " + state + ": " + view);
            }
            Thread.sleep(50);
        }
        return view;
    }

    /** The event {@code handlerClass}'s function answers in the benchmark. */
    byte[] eventFor(String handlerClass) throws IOException {
        String simpleName = handlerClass.substring(handlerClass.lastIndexOf('.') + 1);
        String file = EVENT_OF_HANDLER.get(simpleName);
        if (file == null) {
            throw new IllegalStateException("No sample event for " + handlerClass + ": add it to BenchEvents");
        }
        ObjectNode event = (ObjectNode) Json.MAPPER.readTree(events().resolve(file).toFile());
        if (event.has("orderId")) {
            // A retry is scheduled for a step under way; every other step is run again on the complete order.
            event.put("orderId", simpleName.equals("ScheduleRetryHandler") ? waiting.orderId() : order.orderId());
        }
        switch (simpleName) {
            case "CarrierWebhookHandler" -> signNow(event);
            case "OperatorApiHandler" -> readTheOrder(event);
            case "TrackingConsumerHandler" -> scanOfTheOrder(event);
            case "ImportCatalogHandler" -> putObject(event, new OrderGenerator(new SplittableRandom(1), 1).catalogCsv());
            case "ImportStatusFileHandler" -> putObject(event,
                    "shipment_number,status_code,event_time,location,description\r\n");
            default -> {
            }
        }
        return Json.MAPPER.writeValueAsBytes(event);
    }

    private Path events() {
        return cloud.templateDirectory().resolve("events");
    }

    /** A new webhook id, signed now with the cloud's secret: accepted and queued, not a duplicate. */
    private static void signNow(ObjectNode event) {
        byte[] body = event.path("body").asText().getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        String id = "bench-" + UUID.randomUUID();
        ObjectNode headers = (ObjectNode) event.path("headers");
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", Long.toString(now));
        headers.put("webhook-signature", WebhookSignature.sign(Base64.getDecoder().decode(
                OfflineCloud.WEBHOOK_SECRET.substring("whsec_".length())), id, now, body));
    }

    /** The operator reads the order (the sample retries a failed one; this order is complete). */
    private void readTheOrder(ObjectNode event) {
        event.put("routeKey", "GET /api/v1/orders/{orderId}");
        event.put("rawPath", "/api/v1/orders/" + order.orderId());
        event.remove("body");
        event.put("isBase64Encoded", false);
        event.putObject("pathParameters").put("orderId", order.orderId());
        ((ObjectNode) event.path("requestContext").path("http")).put("method", "GET")
                .put("path", "/api/v1/orders/" + order.orderId());
    }

    /** A carrier scan of the order's shipment, which the complete order takes without going back. */
    private void scanOfTheOrder(ObjectNode event) throws IOException {
        for (JsonNode record : event.path("Records")) {
            ObjectNode body = (ObjectNode) Json.MAPPER.readTree(record.path("body").asText());
            body.put("eventId", "bench-" + UUID.randomUUID());
            body.put("carrier", order.carrierChoice().carrier());
            body.put("trackingNumber", order.shipment().trackingNumber());
            ((ObjectNode) record).put("messageId", UUID.randomUUID().toString())
                    .put("body", Json.MAPPER.writeValueAsString(body));
        }
    }

    /** The object an S3 event names, put in the cloud's bucket (the event names it there). */
    private void putObject(ObjectNode event, String content) {
        String bucket = cloud.aws().resources().bucketName("LabelBucket");
        ((ObjectNode) event.path("detail").path("bucket")).put("name", bucket);
        String key = event.path("detail").path("object").path("key").asText();
        cloud.aws().s3().putObject(p -> p.bucket(bucket).key(key),
                software.amazon.awssdk.core.sync.RequestBody.fromString(content));
    }
}
