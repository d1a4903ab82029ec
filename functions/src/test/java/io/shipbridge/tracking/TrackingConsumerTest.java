package io.shipbridge.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.shipbridge.app.Components;
import io.shipbridge.carrier.TrackingEvent;
import io.shipbridge.carrier.TrackingStatus;
import io.shipbridge.config.Json;
import io.shipbridge.handler.TrackingConsumerHandler;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.order.StatusChange;
import io.shipbridge.standins.LambdaContext;
import io.shipbridge.storage.TrackingEventStore;
import io.shipbridge.testing.OrderScenarios.Shipped;
import io.shipbridge.testing.OrderScenarios;
import io.shipbridge.testing.RecordedAwsCalls;
import io.shipbridge.testing.TestStack;
import io.shipbridge.workflow.WaitKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TrackingConsumerTest {
    @RegisterExtension
    static final TestStack STACK = new TestStack();

    private static final Instant PICKED_UP = Instant.parse("2026-11-20T16:00:00Z");
    private static final Instant IN_TRANSIT = Instant.parse("2026-11-21T06:00:00Z");
    private static final Instant DELIVERED = Instant.parse("2026-11-21T12:30:00Z");

    @Test
    void theFirstScanTracksTheOrderAndResumesItsExecution() {
        Components components = STACK.components();
        Shipped order = OrderScenarios.awaitingFirstScan(components, STACK.tipsa());

        TrackingIngest.Outcome outcome = components.trackingIngest().apply(update(order, "1", IN_TRANSIT));

        assertThat(outcome).isEqualTo(TrackingIngest.Outcome.APPLIED);
        OrderView view = components.orders().get(order.id());
        assertThat(view.state()).isEqualTo(OrderState.TRACKED);
        assertThat(view.tracking().status()).isEqualTo("in_transit");
        assertThat(view.tracking().rawCode()).isEqualTo("1");
        assertThat(STACK.stepFunctions().resumedTokens()).containsExactly("scan-" + order.id());
        assertThat(components.trackingEvents().events(order.id())).singleElement().satisfies(e -> {
            assertThat(e.rawCode()).isEqualTo("1");
            assertThat(e.status()).isEqualTo(TrackingStatus.IN_TRANSIT);
        });
    }

    @Test
    void aScanBothPushedAndPolledIsRecordedOnce() {
        Components components = STACK.components();
        Shipped order = OrderScenarios.awaitingFirstScan(components, STACK.tipsa());
        TrackingUpdate pushed = update(order, "1", IN_TRANSIT);
        components.trackingIngest().apply(pushed);

        TrackingUpdate polled = TrackingUpdate.fromPoll("tipsa", new TrackingEvent(order.trackingNumber(), "1",
                "En tránsito", TrackingStatus.IN_TRANSIT, IN_TRANSIT, null), IN_TRANSIT.plusSeconds(900));

        assertThat(components.trackingIngest().apply(polled)).isEqualTo(TrackingIngest.Outcome.DUPLICATE);
        assertThat(components.trackingEvents().events(order.id())).hasSize(1);
    }

    @Test
    void aDuplicateEventChangesNothing() {
        Components components = STACK.components();
        Shipped order = OrderScenarios.awaitingFirstScan(components, STACK.tipsa());
        components.trackingIngest().apply(update(order, "1", IN_TRANSIT));
        OrderView before = components.orders().get(order.id());
        List<StatusChange> historyBefore = components.orders().history(order.id());

        TrackingIngest.Outcome outcome = components.trackingIngest().apply(update(order, "1", IN_TRANSIT));

        assertThat(outcome).isEqualTo(TrackingIngest.Outcome.DUPLICATE);
        assertThat(components.orders().get(order.id())).isEqualTo(before);
        assertThat(components.orders().history(order.id())).isEqualTo(historyBefore);
        assertThat(components.trackingEvents().events(order.id())).hasSize(1);
        assertThat(STACK.stepFunctions().resumedTokens()).hasSize(1);
    }

    @Test
    void aDuplicateEventWritesNothing() {
        RecordedAwsCalls calls = new RecordedAwsCalls();
        Components components = STACK.components(calls);
        Shipped order = scannedInTransit(components, calls);

        components.trackingIngest().apply(update(order, "1", IN_TRANSIT));

        // The event is found recorded (no refused put, which DynamoDB bills), and the view already holds it.
        assertThat(calls.calls()).filteredOn(TrackingConsumerTest::isWrite).isEmpty();
        assertThat(calls.calls()).isNotEmpty();
    }

    @Test
    void anOlderScanAfterTheFirstWritesNothingToTheView() {
        RecordedAwsCalls calls = new RecordedAwsCalls();
        Components components = STACK.components(calls);
        Shipped order = scannedInTransit(components, calls);

        components.trackingIngest().apply(update(order, "1", PICKED_UP));

        assertThat(calls.calls()).filteredOn(TrackingConsumerTest::isWrite).containsExactly("DynamoDb.PutItem");
        OrderView view = components.orders().get(order.id());
        assertThat(view.tracking().firstScanAt()).isEqualTo(IN_TRANSIT);
        assertThat(view.tracking().lastEventAt()).isEqualTo(IN_TRANSIT);
    }

    /** An order its first scan (in transit) tracked, the calls that took it there forgotten. */
    private static Shipped scannedInTransit(Components components, RecordedAwsCalls calls) {
        Shipped order = OrderScenarios.awaitingFirstScan(components, STACK.tipsa());
        components.trackingIngest().apply(update(order, "1", IN_TRANSIT));
        calls.clear();
        return order;
    }

    private static boolean isWrite(String call) {
        return call.matches("DynamoDb\\.(PutItem|UpdateItem|DeleteItem|TransactWriteItems|BatchWriteItem)");
    }

    @Test
    void anOlderEventArrivingAfterDeliveryChangesNothing() {
        Components components = STACK.components();
        Shipped order = OrderScenarios.awaitingFirstScan(components, STACK.tipsa());
        components.trackingIngest().apply(update(order, "1", IN_TRANSIT));
        components.trackingPublication().publish(order.id());
        components.waitRegistration().register(order.id(), WaitKind.DELIVERY, "delivery-" + order.id());
        components.trackingIngest().apply(update(order, "3", DELIVERED));
        OrderView complete = components.orders().get(order.id());
        List<StatusChange> historyBefore = components.orders().history(order.id());
        int resumes = STACK.stepFunctions().resumedTokens().size();

        components.trackingIngest().apply(update(order, "1", PICKED_UP));

        assertThat(complete.state()).isEqualTo(OrderState.COMPLETE);
        OrderView after = components.orders().get(order.id());
        assertThat(after).isEqualTo(complete);
        assertThat(after.tracking().status()).isEqualTo("delivered");
        assertThat(components.orders().history(order.id())).isEqualTo(historyBefore);
        assertThat(STACK.stepFunctions().resumedTokens()).hasSize(resumes);
    }

    @Test
    void deliveryCompletesTheOrderResumesItsExecutionAndEndsPolling() {
        Components components = STACK.components();
        Shipped order = OrderScenarios.awaitingFirstScan(components, STACK.tipsa());
        components.trackingIngest().apply(update(order, "1", IN_TRANSIT));
        components.trackingPublication().publish(order.id());
        components.waitRegistration().register(order.id(), WaitKind.DELIVERY, "delivery-" + order.id());

        components.trackingIngest().apply(update(order, "3", DELIVERED));

        assertThat(components.orders().get(order.id()).state()).isEqualTo(OrderState.COMPLETE);
        assertThat(STACK.stepFunctions().resumedTokens()).containsExactly("scan-" + order.id(),
                "delivery-" + order.id());
        assertThat(components.shipments().inFlight("tipsa", 1000)).noneSatisfy(s ->
                assertThat(s.orderId()).isEqualTo(order.id()));
    }

    @Test
    void aScanReportedBeforeTheWaitBeganEndsTheWaitAsSoonAsItIsRegistered() {
        Components components = STACK.components();
        Shipped order = OrderScenarios.posted(components, STACK.tipsa());
        components.trackingIngest().apply(update(order, "1", IN_TRANSIT));
        assertThat(components.orders().get(order.id()).state()).isEqualTo(OrderState.POSTED);

        components.waitRegistration().register(order.id(), WaitKind.FIRST_SCAN, "late-" + order.id());

        assertThat(components.orders().history(order.id())).extracting(StatusChange::to).endsWith(
                OrderState.POSTED, OrderState.AWAITING_TRACKING, OrderState.TRACKED);
        assertThat(STACK.stepFunctions().resumedTokens()).containsExactly("late-" + order.id());
    }

    @Test
    void aDeliveryReportedBeforeTheTrackingWasPushedCompletesTheOrderOnlyAfterThePush() {
        Components components = STACK.components();
        Shipped order = OrderScenarios.awaitingFirstScan(components, STACK.tipsa());
        components.trackingIngest().apply(update(order, "1", IN_TRANSIT));
        components.trackingIngest().apply(update(order, "3", DELIVERED));
        assertThat(components.orders().get(order.id()).state()).isEqualTo(OrderState.TRACKED);

        components.trackingPublication().publish(order.id());
        components.waitRegistration().register(order.id(), WaitKind.DELIVERY, "delivery-" + order.id());

        assertThat(components.orders().get(order.id()).state()).isEqualTo(OrderState.COMPLETE);
        assertThat(STACK.stepFunctions().resumedTokens()).contains("delivery-" + order.id());
    }

    @Test
    void theHandlerReportsOnlyTheMessagesThatFailed() {
        Components components = STACK.components();
        Shipped order = OrderScenarios.awaitingFirstScan(components, STACK.tipsa());
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(
                message("good", Json.write(update(order, "1", IN_TRANSIT))),
                message("unknown-shipment", Json.write(new TrackingUpdate("e9", "tipsa", "9999999999", "1", null,
                        TrackingStatus.IN_TRANSIT, IN_TRANSIT, null, "poll", IN_TRANSIT))),
                message("malformed", "{\"eventId\": \"e10\"}")));

        SQSBatchResponse response = new TrackingConsumerHandler(components).handleRequest(event,
                LambdaContext.of("TrackingConsumerFunction"));

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactlyInAnyOrder("unknown-shipment", "malformed");
        assertThat(components.orders().get(order.id()).state()).isEqualTo(OrderState.TRACKED);
    }

    @Test
    void anUnknownTrackingNumberIsRecordedAsUnmatchedOnItsThirdDeliveryInsteadOfLoopingToTheDeadLetterQueue() {
        Components components = STACK.components();
        String unknown = "UNKNOWN" + TestStack.newOrderId();
        TrackingUpdate update = TrackingUpdate.fromWebhook("tipsa", new TrackingEvent(unknown, "1", null,
                TrackingStatus.IN_TRANSIT, IN_TRANSIT, null), IN_TRANSIT);
        double unmatchedBefore = TestStack.METRICS.total("TrackingEventsUnmatched");
        long itemsBefore = STACK.tableItemCount();
        TrackingConsumerHandler handler = new TrackingConsumerHandler(components);

        List<Integer> failedOnReceive = new java.util.ArrayList<>();
        for (int receive = 1; receive <= 4; receive++) {
            SQSEvent.SQSMessage message = message("m", Json.write(update));
            message.setAttributes(java.util.Map.of("ApproximateReceiveCount", Integer.toString(receive)));
            SQSEvent event = new SQSEvent();
            event.setRecords(List.of(message));
            if (!handler.handleRequest(event, LambdaContext.of("TrackingConsumerFunction")).getBatchItemFailures()
                    .isEmpty()) {
                failedOnReceive.add(receive);
            }
        }

        assertThat(failedOnReceive).as("left for redelivery while the shipment may yet be indexed").containsExactly(1, 2);
        assertThat(TestStack.METRICS.total("TrackingEventsUnmatched") - unmatchedBefore).isEqualTo(2);
        assertThat(STACK.tableItemCount() - itemsBefore).as("one unmatched record, however often delivered")
                .isEqualTo(1);
    }

    @Test
    void anEventWithACodeTheCarrierTableLacksIsKeptWithItsRawCodeButDoesNotOverwriteAKnownStatus() {
        Components components = STACK.components();
        Shipped order = OrderScenarios.awaitingFirstScan(components, STACK.tipsa());
        components.trackingIngest().apply(update(order, "1", IN_TRANSIT));

        TrackingIngest.Outcome outcome = components.trackingIngest().apply(update(order, "ZZ9", DELIVERED));

        assertThat(outcome).isEqualTo(TrackingIngest.Outcome.UNRECOGNISED);
        OrderView view = components.orders().get(order.id());
        assertThat(view.tracking().status()).isEqualTo("in_transit");
        assertThat(view.tracking().rawCode()).isEqualTo("1");
        assertThat(components.trackingEvents().events(order.id())).extracting(TrackingEventStore.RecordedEvent::rawCode)
                .containsExactly("1", "ZZ9");
    }

    @Test
    void eventIdentityIgnoresBlanksCaseAndSubSecondPrecision() {
        TrackingUpdate plain = TrackingUpdate.fromWebhook("tipsa", new TrackingEvent("AB123", "lt859", null,
                TrackingStatus.IN_TRANSIT, IN_TRANSIT, null), IN_TRANSIT);
        TrackingUpdate noisy = TrackingUpdate.fromPoll("tipsa", new TrackingEvent(" ab123 ", "LT859 ", null,
                TrackingStatus.IN_TRANSIT, IN_TRANSIT.plusMillis(400), null), IN_TRANSIT);

        assertThat(noisy.eventId()).isEqualTo(plain.eventId());
        assertThat(noisy.trackingNumber()).isEqualTo("ab123");
    }

    static TrackingUpdate update(Shipped order, String tipsaCode, Instant at) {
        TrackingEvent event = new TrackingEvent(order.trackingNumber(), tipsaCode, null,
                io.shipbridge.carrier.tipsa.TipsaStatusCodes.CODES.statusOf(tipsaCode), at, null);
        return TrackingUpdate.fromWebhook("tipsa", event, at);
    }

    private static SQSEvent.SQSMessage message(String id, String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setBody(body);
        return message;
    }
}
