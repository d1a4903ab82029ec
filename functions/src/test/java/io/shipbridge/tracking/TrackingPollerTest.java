package io.shipbridge.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipbridge.app.Components;
import io.shipbridge.carrier.TrackingStatus;
import io.shipbridge.config.Json;
import io.shipbridge.testing.OrderScenarios.Shipped;
import io.shipbridge.testing.OrderScenarios;
import io.shipbridge.testing.RecordedAwsCalls;
import io.shipbridge.testing.TestStack;
import io.shipbridge.testing.TipsaStub;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class TrackingPollerTest {
    @RegisterExtension
    static final TestStack STACK = new TestStack();

    private static final Instant RECORDED = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant PICKED_UP = Instant.parse("2026-11-20T17:30:00Z");
    /** When the tests below poll: after every shipment was placed in line, so the marks are later than theirs. */
    private static final Instant RUN = Instant.parse("2026-11-20T12:00:00Z");
    private static final Duration SCHEDULE = Duration.ofMinutes(15);
    private static final Pattern ALBARAN = Pattern.compile("<tem:strAlbaran>([^<]+)</tem:strAlbaran>");

    @BeforeEach
    void onlyThisTestsShipmentsAreInFlight() {
        // The stand-ins live for the whole run: shipments other tests left in flight are taken off the index.
        String table = STACK.settings().get("TABLE_NAME");
        var dynamoDb = STACK.aws().dynamoDb();
        dynamoDb.queryPaginator(q -> q.tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :c")
                .expressionAttributeValues(Map.of(":c", AttributeValue.fromS("INFLIGHT#tipsa")))).items()
                .forEach(item -> dynamoDb.updateItem(u -> u.tableName(table)
                        .key(Map.of("pk", item.get("pk"), "sk", item.get("sk")))
                        .updateExpression("REMOVE gsi1pk, gsi1sk")));
    }

    @Test
    void queuesTheEventsOfEachInFlightShipmentOnce() {
        Components components = STACK.components();
        Shipped order = OrderScenarios.posted(components, STACK.tipsa());
        STACK.tipsa().states(order.trackingNumber(), List.of(new TipsaStub.State("0", RECORDED),
                new TipsaStub.State("1", PICKED_UP)));

        TrackingPoller.Summary first = components.trackingPoller().poll(() -> true);
        List<TrackingUpdate> queued = STACK.drainQueue().stream()
                .map(m -> Json.read(m.body(), TrackingUpdate.class)).toList();
        TrackingPoller.Summary second = components.trackingPoller().poll(() -> true);

        assertThat(first).isEqualTo(new TrackingPoller.Summary(1, 0, 2));
        assertThat(queued).extracting(TrackingUpdate::status)
                .containsExactlyInAnyOrder(TrackingStatus.PENDING, TrackingStatus.IN_TRANSIT);
        assertThat(queued).allSatisfy(u -> {
            assertThat(u.source()).isEqualTo("poll");
            assertThat(u.trackingNumber()).isEqualTo(order.trackingNumber());
        });
        assertThat(second).isEqualTo(new TrackingPoller.Summary(1, 0, 0));
        assertThat(STACK.queueDepth()).isZero();
    }

    @Test
    void aRunThatPolledEveryShipmentInFlightWritesNothingForShipmentsWithNothingNew() {
        RecordedAwsCalls calls = new RecordedAwsCalls();
        Components components = STACK.components(calls);
        Shipped first = OrderScenarios.posted(components, STACK.tipsa());
        Shipped second = OrderScenarios.posted(components, STACK.tipsa());
        Map<String, AttributeValue> firstBefore = shipmentItem(first);
        Map<String, AttributeValue> secondBefore = shipmentItem(second);
        calls.clear();

        TrackingPoller.Summary summary = components.trackingPoller().poll(() -> true);

        // Two in flight, a batch of 50: both polled, TIPSA lists no state for either, so neither moves in line.
        // The only writes are the operations log's rows, one for each call to TIPSA.
        assertThat(summary).isEqualTo(new TrackingPoller.Summary(2, 0, 0));
        assertThat(shipmentItem(first)).isEqualTo(firstBefore);
        assertThat(shipmentItem(second)).isEqualTo(secondBefore);
        assertThat(calls.calls()).filteredOn(TrackingPollerTest::isWrite)
                .containsExactly("DynamoDb.PutItem", "DynamoDb.PutItem");
    }

    @Test
    void aShipmentWithNewEventsMovesBackAndRemembersTheNewestWhenEveryShipmentWasPolled() {
        Components components = STACK.components();
        Shipped tracked = OrderScenarios.posted(components, STACK.tipsa());
        Shipped quiet = OrderScenarios.posted(components, STACK.tipsa());
        placeInLine(tracked, "2026-11-20T08:00:00.000Z");
        placeInLine(quiet, "2026-11-20T08:01:00.000Z");
        STACK.tipsa().states(tracked.trackingNumber(), List.of(new TipsaStub.State("0", RECORDED),
                new TipsaStub.State("1", PICKED_UP)));
        STACK.clock().set(RUN);

        TrackingPoller.Summary summary = components.trackingPoller().poll(() -> true);

        // The tracked shipment is first in line, polled at 12:00:00; the quiet one a second later, with nothing new.
        assertThat(summary).isEqualTo(new TrackingPoller.Summary(2, 0, 2));
        assertThat(shipmentItem(tracked).get("gsi1sk").s()).isEqualTo("2026-11-20T12:00:00.000Z#" + tracked.id());
        assertThat(shipmentItem(tracked).get("lastEventAt").s()).isEqualTo("2026-11-20T17:30:00.000Z");
        assertThat(shipmentItem(quiet).get("gsi1sk").s()).isEqualTo("2026-11-20T08:01:00.000Z");
        assertThat(shipmentItem(quiet)).doesNotContainKey("lastEventAt");
    }

    @Test
    void aFullBatchMovesEveryShipmentItPolledBackSoEachGetsItsTurn() {
        Components components = STACK.with("POLL_BATCH_SIZE", "2").components();
        List<Shipped> line = threeInLine(components);
        Shipped a = line.get(0);
        Shipped b = line.get(1);
        Shipped c = line.get(2);

        List<String> firstRun = polledIn(components, () -> true);
        STACK.clock().advance(SCHEDULE);
        List<String> secondRun = polledIn(components, () -> true);
        STACK.clock().advance(SCHEDULE);
        List<String> thirdRun = polledIn(components, () -> true);

        // Line a, b, c; batches of two, nothing new. Run 1 takes a, b and moves them back: c, a, b. Run 2 takes
        // c, a: line b, c, a. Run 3 takes b, c. Without the moves every run would take a, b and c would starve.
        assertThat(firstRun).containsExactly(a.trackingNumber(), b.trackingNumber());
        assertThat(secondRun).containsExactly(c.trackingNumber(), a.trackingNumber());
        assertThat(thirdRun).containsExactly(b.trackingNumber(), c.trackingNumber());
    }

    @Test
    void aRunThatStopsEarlyMovesBackWhatItPolledSoTheRestGoFirstNextTime() {
        Components components = STACK.components();
        List<Shipped> line = threeInLine(components);
        Shipped a = line.get(0);
        Shipped b = line.get(1);
        Shipped c = line.get(2);
        AtomicInteger checks = new AtomicInteger();

        List<String> stopped = polledIn(components, () -> checks.incrementAndGet() <= 2);
        Map<String, AttributeValue> cAfterStop = shipmentItem(c);
        STACK.clock().advance(SCHEDULE);
        List<String> next = polledIn(components, () -> true);

        // Time runs out before c: a (12:00:00) and b (12:00:01) were polled and are marked though nothing was new,
        // so the next run starts with c, then a, then b.
        assertThat(stopped).containsExactly(a.trackingNumber(), b.trackingNumber());
        assertThat(cAfterStop.get("gsi1sk").s()).isEqualTo("2026-11-20T08:02:00.000Z");
        assertThat(next).containsExactly(c.trackingNumber(), a.trackingNumber(), b.trackingNumber());
    }

    @Test
    void staysUnderTheCarriersCallRateAndBatchSize() {
        Components components = STACK.with("TIPSA_TRACKING_CALLS_PER_MINUTE", "6").with("POLL_BATCH_SIZE", "3")
                .components();
        for (int i = 0; i < 4; i++) {
            OrderScenarios.posted(components, STACK.tipsa());
        }

        TrackingPoller.Summary summary = components.trackingPoller().poll(() -> true);

        assertThat(summary.polled()).isEqualTo(3);
        assertThat(STACK.sleeper().waits()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    @Test
    void stopsWhenTheFunctionRunsOutOfTime() {
        Components components = STACK.components();
        OrderScenarios.posted(components, STACK.tipsa());
        OrderScenarios.posted(components, STACK.tipsa());

        TrackingPoller.Summary summary = components.trackingPoller().poll(() -> false);

        assertThat(summary.polled()).isZero();
    }

    @Test
    void aCarrierErrorSkipsTheShipmentAndPollsTheRest() {
        Components components = STACK.components();
        OrderScenarios.posted(components, STACK.tipsa());
        OrderScenarios.posted(components, STACK.tipsa());
        STACK.tipsa().errorPage("WebServService___ConsEnvEstados", 503);

        TrackingPoller.Summary summary = components.trackingPoller().poll(() -> true);

        assertThat(summary.failed()).isEqualTo(2);
        assertThat(summary.queued()).isZero();
    }

    /** The albaranes one run asked TIPSA about, in order. */
    private static List<String> polledIn(Components components, java.util.function.BooleanSupplier timeLeft) {
        int before = trackingQueries().size();
        components.trackingPoller().poll(timeLeft);
        return trackingQueries().subList(before, trackingQueries().size());
    }

    private static List<String> trackingQueries() {
        return STACK.tipsa().bodies("WebServService___ConsEnvEstados").stream()
                .filter(body -> !body.contains("ConsEnvEstadosRef"))
                .map(body -> {
                    Matcher albaran = ALBARAN.matcher(body);
                    assertThat(albaran.find()).isTrue();
                    return albaran.group(1);
                }).toList();
    }

    /** Three TIPSA shipments, last polled at 08:00, 08:01 and 08:02 in that order; the clock at the run's time. */
    private static List<Shipped> threeInLine(Components components) {
        List<Shipped> line = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Shipped shipment = OrderScenarios.posted(components, STACK.tipsa());
            placeInLine(shipment, "2026-11-20T08:0" + i + ":00.000Z");
            line.add(shipment);
        }
        STACK.clock().set(RUN);
        return line;
    }

    /** As if the shipment had last been polled at this time. */
    private static void placeInLine(Shipped shipment, String polledAt) {
        STACK.aws().dynamoDb().updateItem(u -> u.tableName(STACK.settings().get("TABLE_NAME"))
                .key(shipmentKey(shipment)).updateExpression("SET gsi1sk = :at")
                .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(polledAt))));
    }

    private static Map<String, AttributeValue> shipmentItem(Shipped shipment) {
        return STACK.aws().dynamoDb().getItem(g -> g.tableName(STACK.settings().get("TABLE_NAME"))
                .key(shipmentKey(shipment)).consistentRead(true)).item();
    }

    private static Map<String, AttributeValue> shipmentKey(Shipped shipment) {
        return Map.of("pk", AttributeValue.fromS("SHIPMENT#tipsa#" + shipment.trackingNumber()),
                "sk", AttributeValue.fromS("SHIPMENT"));
    }

    private static boolean isWrite(String call) {
        return call.matches("DynamoDb\\.(PutItem|UpdateItem|DeleteItem|TransactWriteItems|BatchWriteItem)");
    }
}
