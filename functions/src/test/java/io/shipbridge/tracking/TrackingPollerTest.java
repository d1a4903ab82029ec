package io.shipbridge.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipbridge.app.Components;
import io.shipbridge.carrier.TrackingStatus;
import io.shipbridge.config.Json;
import io.shipbridge.testing.OrderScenarios.Shipped;
import io.shipbridge.testing.OrderScenarios;
import io.shipbridge.testing.TestStack;
import io.shipbridge.testing.TipsaStub;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class TrackingPollerTest {
    @RegisterExtension
    static final TestStack STACK = new TestStack();

    private static final Instant RECORDED = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant PICKED_UP = Instant.parse("2026-11-20T17:30:00Z");

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
}
