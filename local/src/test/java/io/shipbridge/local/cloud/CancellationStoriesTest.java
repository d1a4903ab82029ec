package io.shipbridge.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import io.shipbridge.local.demo.Demo;
import io.shipbridge.local.demo.OrderGenerator;
import io.shipbridge.local.sim.CallLog;
import io.shipbridge.local.sim.carrier.CarrierSimulator;
import io.shipbridge.local.sim.carrier.Milestone;
import io.shipbridge.local.sim.carrier.SimulatedShipment;
import io.shipbridge.local.states.Execution;
import io.shipbridge.local.time.SimulatedTime;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.Shipment;
import io.shipbridge.order.StatusChange;
import io.shipbridge.standins.CloudFormationTemplate;
import io.shipbridge.workflow.OrderWorkflow;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mirakl cancels an order at each point of its life where Shipbridge can still act on it, in the offline cloud: each
 * story holds the clock at the instant its order reaches the state it names, cancels the order on Mirakl there, and
 * lets the next fetch bring the news in. Every order is placed at one instant; each waits for its own moment on its
 * own thread.
 *
 * <p>Carriers: TIPSA and SEUR cancel through their APIs; Correos Express has no cancellation and OnTime, once its
 * manifest has gone, can only give a parcel back at someone's request, so those are listed to void by hand.
 *
 * <p>Mirakl failing holds an order in PENDING_ACCEPTANCE (OR21) or TRACKED (OR23) while its task tries again: those
 * stories cancel between two attempts of one invocation. Where the news must reach the order before the next attempt
 * (the fetch that would run at that moment in life), the story runs the fetch by hand at the held instant. POSTED is
 * entered and left by the same work within one simulated instant, so no cancellation can arrive while an order is
 * in it; PENDING_POST is held here by a carrier that stays down, as it is in life.
 */
class CancellationStoriesTest {
    private static final String VOID_BY_HAND = "void_shipment_by_hand";
    /** Attempts the functions' Mirakl client makes of one call before it gives the error to its step. */
    private static final int MIRAKL_ATTEMPTS = 3;
    /** AcceptOrder's tries on Mirakl errors: the first and the 5 of its Retry (MaxAttempts 5) in the state machine. */
    private static final int ACCEPT_ORDER_TRIES = 6;

    private static OfflineCloud cloud;
    /** Cancelled while Mirakl debits the customer: AcceptOrder waits for SHIPPING. */
    private static String waitingForDebit;
    /** Cancelled while its shipment cannot be created, its carrier (TIPSA) down: CreateShipment retries. */
    private static String carrierDown;
    /** Cancelled once the shipment exists, waiting for the first scan, one per carrier. */
    private static final Map<String, String> awaitingScanAt = new LinkedHashMap<>();
    /** OnTime, cancelled once its manifest went to OnTime: the parcel is OnTime's now. */
    private static String onTimeHandedOver;
    /** Cancelled after Mirakl refused the tracking (FAILED_PUSH): the parcel is collected already. */
    private static String pushFailed;
    /** Cancelled on Mirakl after it confirmed the shipment (MIRAKL_OK): too late, Mirakl keeps it SHIPPED. */
    private static String confirmed;
    /** Cancelled between two OR21 attempts; the second is refused, and AcceptOrder learns why from Mirakl. */
    private static String acceptanceRefused;
    /** Cancelled and fetched between two OR21 attempts: the step's next try finds the order cancelled. */
    private static String acceptanceRetried;
    /** Cancelled and fetched before the last OR21 attempt of the step's last try: ScheduleRetry finds it cancelled. */
    private static String retryScheduledAfterCancel;
    /** Cancelled between two OR23 attempts (TRACKED); the second is refused, PushTracking learns why from Mirakl. */
    private static String trackingRefused;
    /** Cancelled and fetched between two OR23 attempts: the step's next try finds the order cancelled. */
    private static String trackingRetried;
    private static final Map<String, Execution> executions = new LinkedHashMap<>();

    @BeforeAll
    static void cancelEachOrderAtItsMoment() throws Exception {
        cloud = OfflineCloud.start(OfflineCloud.Options.defaults(CloudFormationTemplate.locate()));
        OrderGenerator generator = new OrderGenerator(new SplittableRandom(20261130L), 1);
        // Catalogs in and orders placed at the start instant, the clock held: no fetch runs in between, on any machine.
        try (SimulatedTime.Hold placing = cloud.time().hold()) {
            Demo.uploadCatalogs(cloud, null, System.out);
            waitingForDebit = place(generator, OrderGenerator.Kind.DOMESTIC_1_TO_5_KG, null);
            carrierDown = place(generator, OrderGenerator.Kind.DOMESTIC_1_TO_5_KG, "{\"carrier\": \"down\"}");
            // The default rules: up to 1 kg OnTime, 1 to 5 kg TIPSA, over 5 kg SEUR, abroad Correos Express.
            awaitingScanAt.put("tipsa", place(generator, OrderGenerator.Kind.DOMESTIC_1_TO_5_KG, null));
            awaitingScanAt.put("seur", place(generator, OrderGenerator.Kind.DOMESTIC_OVER_5_KG, null));
            awaitingScanAt.put("correosexpress", place(generator, OrderGenerator.Kind.EUROPE, null));
            awaitingScanAt.put("ontime", place(generator, OrderGenerator.Kind.DOMESTIC_UNDER_1_KG, null));
            onTimeHandedOver = place(generator, OrderGenerator.Kind.DOMESTIC_UNDER_1_KG, null);
            pushFailed = place(generator, OrderGenerator.Kind.DOMESTIC_1_TO_5_KG, "{\"reject\": [\"OR23\"]}");
            confirmed = place(generator, OrderGenerator.Kind.DOMESTIC_1_TO_5_KG, null);
            acceptanceRefused = place(generator, OrderGenerator.Kind.DOMESTIC_1_TO_5_KG, faults("OR21", "throttle",
                    1));
            acceptanceRetried = place(generator, OrderGenerator.Kind.DOMESTIC_1_TO_5_KG, faults("OR21",
                    "server_error", MIRAKL_ATTEMPTS));
            retryScheduledAfterCancel = place(generator, OrderGenerator.Kind.DOMESTIC_1_TO_5_KG, faults("OR21",
                    "server_error", MIRAKL_ATTEMPTS * ACCEPT_ORDER_TRIES));
            trackingRefused = place(generator, OrderGenerator.Kind.DOMESTIC_1_TO_5_KG, faults("OR23", "server_error",
                    1));
            trackingRetried = place(generator, OrderGenerator.Kind.DOMESTIC_1_TO_5_KG, faults("OR23", "server_error",
                    MIRAKL_ATTEMPTS));
        }

        ExecutorService stories = Executors.newVirtualThreadPerTaskExecutor();
        List<Future<?>> cancelling = new ArrayList<>();
        cancelling.add(cancelWhen(stories, waitingForDebit, () -> stateOf(waitingForDebit) == OrderState.ACCEPTED));
        cancelling.add(cancelWhen(stories, carrierDown, () -> stateOf(carrierDown) == OrderState.PENDING_POST));
        awaitingScanAt.values().forEach(id -> cancelling.add(cancelWhen(stories, id,
                () -> stateOf(id) == OrderState.AWAITING_TRACKING)));
        CarrierSimulator onTime = cloud.carriers().get("ontime");
        cancelling.add(cancelWhen(stories, onTimeHandedOver, () -> stateOf(onTimeHandedOver)
                == OrderState.AWAITING_TRACKING && !onTime.handoversByDay().isEmpty()));
        cancelling.add(cancelWhen(stories, pushFailed, () -> stateOf(pushFailed) == OrderState.FAILED_PUSH));
        cancelling.add(cancelWhen(stories, confirmed, () -> stateOf(confirmed) == OrderState.MIRAKL_OK));
        cancelling.add(cancelAtFault(stories, acceptanceRefused, "OR21", 1, false));
        cancelling.add(cancelAtFault(stories, acceptanceRetried, "OR21", MIRAKL_ATTEMPTS - 1, true));
        cancelling.add(cancelAtFault(stories, retryScheduledAfterCancel, "OR21",
                MIRAKL_ATTEMPTS * ACCEPT_ORDER_TRIES - 1, true));
        cancelling.add(cancelAtFault(stories, trackingRefused, "OR23", 1, false));
        cancelling.add(cancelAtFault(stories, trackingRetried, "OR23", MIRAKL_ATTEMPTS - 1, true));
        for (Future<?> story : cancelling) {
            story.get();
        }
        stories.shutdown();

        List<String> all = allOrders();
        CloudWaits.await(cloud, "every story's order at rest and its execution ended", () -> {
            for (Execution execution : cloud.engine().executions()) {
                for (String id : all) {
                    if (execution.name().equals(OrderWorkflow.executionName(id))
                            && execution.status() != Execution.Status.RUNNING) {
                        executions.putIfAbsent(id, execution);
                    }
                }
            }
            return executions.size() == all.size() && all.stream().allMatch(id -> stateOf(id).isTerminal());
        });
        // The parcel nobody could stop (Correos Express) goes on to be delivered: its scans come to a CANCELLED order.
        SimulatedShipment uncancelled = shipmentsAt("correosexpress", awaitingScanAt.get("correosexpress")).get(0);
        CloudWaits.await(cloud, "the Correos Express parcel delivered", () -> !cloud.time().instant().isBefore(
                uncancelled.plan().get(Milestone.DELIVERED)));
    }

    @AfterAll
    static void stop() {
        try {
            Stories.ended(CancellationStoriesTest.class, cloud);
        } finally {
            if (cloud != null) {
                cloud.close();
            }
        }
    }

    @Test
    void cancelledWhileWaitingForTheDebitEndsBeforeAnyShipment() {
        String id = waitingForDebit;

        assertCancelled(id, List.of(OrderState.PENDING_ACCEPTANCE, OrderState.ACCEPTED, OrderState.CANCELLED));
        // The token AcceptOrder waited with is failed with OrderCancelledException: its Catch goes to Cancelled.
        assertThat(executions.get(id).statesEntered()).containsExactly("StartOrResume", "AcceptOrder", "Cancelled");
        assertThat(miraklCalls("OR21", id)).as("accepted once, before the cancellation").isEqualTo(1);
        assertThat(allShipmentsFor(id)).as("no carrier was asked for a shipment").isEmpty();
        assertThat(cloud.mirakl().order(id).path("order_state").asText()).isEqualTo("CANCELED");
    }

    @Test
    void cancelledWhileItsCarrierIsDownStopsTheRetriesWithoutAShipment() {
        String id = carrierDown;

        assertCancelled(id, List.of(OrderState.PENDING_ACCEPTANCE, OrderState.ACCEPTED, OrderState.PENDING_POST,
                OrderState.CANCELLED));
        // Waiting between tries (a Wait state, no token to fail): the next step of the retry learns of it.
        List<String> entered = executions.get(id).statesEntered();
        assertThat(entered).startsWith("StartOrResume", "AcceptOrder", "CreateShipment", "ScheduleRetry",
                "WaitBeforeRetry").endsWith("Cancelled").doesNotContain("RecordFailure");
        assertThat(entered.get(entered.size() - 2)).isIn("CreateShipment", "ScheduleRetry");
        assertThat(miraklCalls("OR21", id)).isEqualTo(1);
        assertThat(allShipmentsFor(id)).as("TIPSA never recorded one: it was down").isEmpty();
        assertThat(voidsByHand(id)).isEmpty();
    }

    @Test
    void cancelledWaitingForTheFirstScanAtTipsaCancelsTheShipmentThereOnce() {
        String id = awaitingScanAt.get("tipsa");

        assertCancelledAwaitingTracking(id, "tipsa");
        Shipment shipment = shipment(id);
        // Not collected yet (first scan still to come): TIPSA takes the cancellation, once.
        assertThat(cancelCalls("tipsa", "BorraEnvio", shipment)).singleElement().extracting(CallLog.Call::outcome)
                .isEqualTo(CallLog.Outcome.APPLIED);
        assertThat(shipmentsAt("tipsa", id)).singleElement().satisfies(s -> assertThat(s.isCancelled()).isTrue());
        assertThat(voidsByHand(id)).isEmpty();
    }

    @Test
    void cancelledWaitingForTheFirstScanAtSeurCancelsTheShipmentThereOnce() {
        String id = awaitingScanAt.get("seur");

        assertCancelledAwaitingTracking(id, "seur");
        assertThat(cancelCalls("seur", "shipments-cancel", shipment(id))).singleElement()
                .extracting(CallLog.Call::outcome).isEqualTo(CallLog.Outcome.APPLIED);
        assertThat(shipmentsAt("seur", id)).singleElement().satisfies(s -> assertThat(s.isCancelled()).isTrue());
        assertThat(voidsByHand(id)).isEmpty();
    }

    @Test
    void cancelledWaitingForTheFirstScanAtCorreosExpressIsListedToVoidByHand() {
        String id = awaitingScanAt.get("correosexpress");

        assertCancelledAwaitingTracking(id, "correosexpress");
        // Correos Express has no cancellation: its simulator was asked nothing but the shipment (and tracking).
        assertThat(cloud.carriers().get("correosexpress").calls().count(c -> c.operation().toLowerCase()
                .contains("cancel") || c.operation().toLowerCase().contains("anula"))).isZero();
        assertThat(voidsByHand(id)).singleElement().satisfies(r -> assertThat(r.message())
                .contains(shipment(id).trackingNumber()).contains("the carrier offers no cancellation"));
        assertThat(shipmentsAt("correosexpress", id)).singleElement()
                .satisfies(s -> assertThat(s.isCancelled()).isFalse());
        // Its scans and delivery came afterwards and moved nothing.
        assertThat(cloud.components().orders().get(id).state()).isEqualTo(OrderState.CANCELLED);
    }

    @Test
    void cancelledAtOnTimeBeforeTheManifestIsLeftOffItWithoutAnythingByHand() {
        String id = awaitingScanAt.get("ontime");

        assertCancelledAwaitingTracking(id, "ontime");
        // Before the hand-over OnTime has nothing yet: the shipment stays off the manifest, nothing is left by hand.
        assertThat(voidsByHand(id)).isEmpty();
        assertThat(cloud.carriers().get("ontime").shipments().all()).noneMatch(s -> id.equals(s.reference()));
    }

    @Test
    void cancelledAtOnTimeAfterTheManifestLeftIsListedToVoidByHand() {
        String id = onTimeHandedOver;

        assertCancelledAwaitingTracking(id, "ontime");
        // OnTime has no API to call: after the hand-over only a person can take the parcel back.
        assertThat(voidsByHand(id)).singleElement().satisfies(r -> assertThat(r.message())
                .contains(shipment(id).trackingNumber()).contains("handed over to OnTime"));
    }

    @Test
    void cancelledAfterMiraklRefusedTheTrackingAsksTipsaOnceAndListsTheCollectedParcelToVoidByHand() {
        String id = pushFailed;

        assertThat(path(id)).containsExactly(OrderState.PENDING_ACCEPTANCE, OrderState.ACCEPTED,
                OrderState.PENDING_POST, OrderState.POSTED, OrderState.AWAITING_TRACKING, OrderState.TRACKED,
                OrderState.FAILED_PUSH, OrderState.CANCELLED);
        // The execution had ended on the refusal; the cancellation came to the order alone.
        assertThat(executions.get(id).status()).isEqualTo(Execution.Status.FAILED);
        assertThat(executions.get(id).statesEntered()).containsExactly("StartOrResume", "AcceptOrder",
                "CreateShipment", "PushTracking", "RecordPushFailed", "PushFailed");
        assertThat(miraklCalls("OR23", id)).as("refused, never applied").isZero();
        assertThat(miraklCalls("OR24", id)).isZero();
        // Collected (it was scanned): TIPSA refuses the one cancel asked of it, so it is someone's task.
        assertThat(cancelCalls("tipsa", "BorraEnvio", shipment(id))).singleElement().extracting(CallLog.Call::outcome)
                .isEqualTo(CallLog.Outcome.NO_CHANGE);
        assertThat(voidsByHand(id)).singleElement().satisfies(r -> assertThat(r.message())
                .contains("the carrier refused to cancel it"));
        assertThat(shipmentsAt("tipsa", id)).hasSize(1);
    }

    @Test
    void aCancellationAfterMiraklConfirmedTheShipmentChangesNothing() {
        String id = confirmed;

        assertThat(cloud.components().orders().get(id).state()).isEqualTo(OrderState.COMPLETE);
        assertThat(cloud.mirakl().order(id).path("order_state").asText()).isEqualTo("SHIPPED");
        assertThat(executions.get(id).status()).isEqualTo(Execution.Status.SUCCEEDED);
        assertThat(executions.get(id).statesEntered()).containsExactly("StartOrResume", "AcceptOrder",
                "CreateShipment", "PushTracking");
        for (String operation : List.of("OR21", "OR23", "OR24")) {
            assertThat(miraklCalls(operation, id)).as(operation).isEqualTo(1);
        }
        assertThat(cancelCalls("tipsa", "BorraEnvio", shipment(id))).isEmpty();
        assertThat(cloud.carriers().shipmentsFor(id)).hasSize(1);
    }

    @Test
    void cancelledBetweenTwoAcceptAttemptsIsRefusedByMiraklAndCancelledByAcceptOrder() {
        String id = acceptanceRefused;

        assertCancelled(id, List.of(OrderState.PENDING_ACCEPTANCE, OrderState.CANCELLED));
        // OR21's second attempt is refused (no longer WAITING_ACCEPTANCE); Mirakl's order says why: AcceptOrder
        // records the cancellation itself and its Catch goes to Cancelled, without waiting for the fetch.
        assertThat(miraklOutcomes("OR21", id)).containsExactly(CallLog.Outcome.FAULT, CallLog.Outcome.REJECTED);
        assertThat(executions.get(id).statesEntered()).containsExactly("StartOrResume", "AcceptOrder", "Cancelled");
        assertThat(allShipmentsFor(id)).isEmpty();
    }

    @Test
    void cancelledAndFetchedBetweenTwoAcceptAttemptsEndsAtTheStepsNextTryWithoutCallingMiraklAgain() {
        String id = acceptanceRetried;

        assertCancelled(id, List.of(OrderState.PENDING_ACCEPTANCE, OrderState.CANCELLED));
        // The invocation's last attempt meets its scripted 503, the step's Retry tries again, and that try finds the
        // order CANCELLED before it calls Mirakl: three OR21 calls in all, each a fault.
        assertThat(miraklOutcomes("OR21", id)).containsExactly(CallLog.Outcome.FAULT, CallLog.Outcome.FAULT,
                CallLog.Outcome.FAULT);
        assertThat(executions.get(id).statesEntered()).containsExactly("StartOrResume", "AcceptOrder", "Cancelled");
    }

    @Test
    void cancelledAndFetchedBeforeTheLastAcceptAttemptEndsInScheduleRetryWithoutARetryScheduled() {
        String id = retryScheduledAfterCancel;

        assertCancelled(id, List.of(OrderState.PENDING_ACCEPTANCE, OrderState.CANCELLED));
        // 6 tries of 3 attempts, all faults; the last try's error goes to ScheduleRetry, which finds the order
        // CANCELLED and goes to Cancelled instead of scheduling a wait.
        assertThat(miraklOutcomes("OR21", id)).hasSize(MIRAKL_ATTEMPTS * ACCEPT_ORDER_TRIES)
                .containsOnly(CallLog.Outcome.FAULT);
        assertThat(executions.get(id).statesEntered()).containsExactly("StartOrResume", "AcceptOrder",
                "ScheduleRetry", "Cancelled");
        assertThat(cloud.components().operations().forOrder(id)).noneMatch(r -> r.action().equals("retry_scheduled"));
    }

    @Test
    void cancelledBetweenTwoTrackingAttemptsIsRefusedByMiraklAndTheFetchCancelsTheCollectedParcel() {
        String id = trackingRefused;

        assertCancelledWhileTracked(id);
        // OR23's second attempt is refused (no longer SHIPPING); Mirakl's order says why: PushTracking goes to
        // Cancelled, and the next fetch cancels the order and asks TIPSA, as for any order cancelled after it shipped.
        assertThat(miraklOutcomes("OR23", id)).containsExactly(CallLog.Outcome.FAULT, CallLog.Outcome.REJECTED);
    }

    @Test
    void cancelledAndFetchedBetweenTwoTrackingAttemptsEndsAtTheStepsNextTryWithoutCallingMiraklAgain() {
        String id = trackingRetried;

        assertCancelledWhileTracked(id);
        assertThat(miraklOutcomes("OR23", id)).containsExactly(CallLog.Outcome.FAULT, CallLog.Outcome.FAULT,
                CallLog.Outcome.FAULT);
    }

    @Test
    void noStoryCreatedAShipmentOrCalledMiraklTwice() {
        for (String id : allOrders()) {
            assertThat(allShipmentsFor(id).size()).as("shipments of " + id).isLessThanOrEqualTo(1);
            for (String operation : List.of("OR21", "OR23", "OR24")) {
                assertThat(miraklCalls(operation, id)).as(operation + " of " + id).isLessThanOrEqualTo(1);
            }
            assertThat(path(id)).as(id).doesNotHaveDuplicates();
        }
        assertThat(cloud.engine().openTaskTokens()).as("task tokens no execution waits for any more").isZero();
    }

    /** The order was cancelled waiting for its first scan: one shipment at the carrier, no tracking on Mirakl. */
    private static void assertCancelledAwaitingTracking(String id, String carrier) {
        assertCancelled(id, List.of(OrderState.PENDING_ACCEPTANCE, OrderState.ACCEPTED, OrderState.PENDING_POST,
                OrderState.POSTED, OrderState.AWAITING_TRACKING, OrderState.CANCELLED));
        // CreateShipment waited for the scan with a token: failed with OrderCancelledException, it goes to Cancelled.
        assertThat(executions.get(id).statesEntered()).containsExactly("StartOrResume", "AcceptOrder",
                "CreateShipment", "Cancelled");
        assertThat(shipment(id).carrier()).isEqualTo(carrier);
        assertThat(miraklCalls("OR21", id)).isEqualTo(1);
        assertThat(miraklCalls("OR23", id)).isZero();
        assertThat(miraklCalls("OR24", id)).isZero();
        if (!carrier.equals("ontime") || id.equals(onTimeHandedOver)) {
            assertThat(shipmentsAt(carrier, id)).as("recorded once at " + carrier).hasSize(1);
        }
        StatusChange cancelled = history(id).getLast();
        assertThat(cancelled.details()).containsEntry("shipment", carrier + " " + shipment(id).trackingNumber());
    }

    /** Cancelled while PushTracking tried: collected by TIPSA (it was scanned), so its one cancel is refused. */
    private static void assertCancelledWhileTracked(String id) {
        assertCancelled(id, List.of(OrderState.PENDING_ACCEPTANCE, OrderState.ACCEPTED, OrderState.PENDING_POST,
                OrderState.POSTED, OrderState.AWAITING_TRACKING, OrderState.TRACKED, OrderState.CANCELLED));
        assertThat(executions.get(id).statesEntered()).containsExactly("StartOrResume", "AcceptOrder",
                "CreateShipment", "PushTracking", "Cancelled");
        assertThat(miraklCalls("OR23", id)).isZero();
        assertThat(miraklOutcomes("OR24", id)).isEmpty();
        assertThat(cancelCalls("tipsa", "BorraEnvio", shipment(id))).singleElement().extracting(CallLog.Call::outcome)
                .isEqualTo(CallLog.Outcome.NO_CHANGE);
        assertThat(voidsByHand(id)).singleElement().satisfies(r -> assertThat(r.message())
                .contains("the carrier refused to cancel it"));
    }

    private static void assertCancelled(String id, List<OrderState> path) {
        assertThat(path(id)).as(id).containsExactlyElementsOf(path);
        assertThat(history(id).getLast().reason()).isEqualTo("Order CANCELED on Mirakl (reason CUSTOMER_CANCELLATION)");
        assertThat(executions.get(id).status()).as(id).isEqualTo(Execution.Status.SUCCEEDED);
    }

    private static String place(OrderGenerator generator, OrderGenerator.Kind kind, String simulation)
            throws Exception {
        ObjectNode order = generator.next(cloud.time().instant(), kind);
        cloud.placeOrder(order, simulation == null ? null : (ObjectNode) Json.MAPPER.readTree(simulation));
        return order.path("order_id").asText();
    }

    /** Cancels the order on Mirakl at the instant {@code when} first holds, the clock held meanwhile. */
    private static Future<?> cancelWhen(ExecutorService stories, String id, BooleanSupplier when) {
        return stories.submit(() -> {
            try (SimulatedTime.Hold held = CloudWaits.awaitAndHold(cloud, "the moment to cancel " + id, when)) {
                cloud.mirakl().cancel(id, "CUSTOMER_CANCELLATION");
            }
            return null;
        });
    }

    /** The order's script: its next {@code times} calls of {@code operation} meet {@code fault}. */
    private static String faults(String operation, String fault, int times) {
        StringBuilder planned = new StringBuilder();
        for (int i = 0; i < times; i++) {
            planned.append(i == 0 ? "" : ", ").append('"').append(fault).append('"');
        }
        return "{\"faults\": {\"" + operation + "\": [" + planned + "]}}";
    }

    /**
     * Cancels the order on Mirakl once its {@code fault}-th scripted fault on {@code operation} was met, the
     * function's client then waiting to try again; with {@code fetch}, runs the fetch there too, as a scheduled one
     * falling at that instant would, so that the order is CANCELLED before the next attempt.
     */
    private static Future<?> cancelAtFault(ExecutorService stories, String id, String operation, int fault,
            boolean fetch) {
        return stories.submit(() -> {
            try (SimulatedTime.Hold held = CloudWaits.awaitAndHold(cloud, "fault " + fault + " of " + operation
                    + " for " + id, () -> miraklOutcomes(operation, id).size() == fault)) {
                cloud.mirakl().cancel(id, "CUSTOMER_CANCELLATION");
                if (fetch) {
                    String since = cloud.time().instant().minus(Duration.ofHours(1)).toString();
                    cloud.function("FetchOrdersFunction").invoke(("{\"trigger\": \"manual\", \"since\": \""
                            + since + "\"}").getBytes(StandardCharsets.UTF_8));
                    assertThat(stateOf(id)).as(id + " fetched").isEqualTo(OrderState.CANCELLED);
                }
            }
            return null;
        });
    }

    /** What each call of the operation for the order did at Mirakl, in order. */
    private static List<CallLog.Outcome> miraklOutcomes(String operation, String id) {
        return cloud.mirakl().calls().all().stream().filter(c -> c.operation().equals(operation)
                && id.equals(c.key())).map(CallLog.Call::outcome).toList();
    }

    private static List<String> allOrders() {
        List<String> all = new ArrayList<>(List.of(waitingForDebit, carrierDown, onTimeHandedOver, pushFailed,
                confirmed, acceptanceRefused, acceptanceRetried, retryScheduledAfterCancel, trackingRefused,
                trackingRetried));
        all.addAll(awaitingScanAt.values());
        return all;
    }

    private static OrderState stateOf(String id) {
        return CloudWaits.state(cloud, id);
    }

    private static Shipment shipment(String id) {
        return cloud.components().orders().get(id).shipment();
    }

    private static long miraklCalls(String operation, String id) {
        return cloud.mirakl().calls().appliedByKey(operation).getOrDefault(id, 0L);
    }

    /** Every shipment under the order's reference at any carrier, cancelled ones too. */
    private static List<SimulatedShipment> allShipmentsFor(String id) {
        return cloud.carriers().all().stream().flatMap(c -> c.shipments().all().stream())
                .filter(s -> id.equals(s.reference())).toList();
    }

    private static List<SimulatedShipment> shipmentsAt(String carrier, String id) {
        return cloud.carriers().get(carrier).shipments().all().stream().filter(s -> id.equals(s.reference())).toList();
    }

    private static List<CallLog.Call> cancelCalls(String carrier, String operation, Shipment shipment) {
        return cloud.carriers().get(carrier).calls().all().stream().filter(c -> c.operation().equals(operation)
                && (shipment.trackingNumber().equals(c.key()) || String.valueOf(shipment.carrierShipmentId())
                        .equals(c.key()))).toList();
    }

    private static List<OperationRecord> voidsByHand(String id) {
        return cloud.components().operations().forOrder(id).stream().filter(r -> r.action().equals(VOID_BY_HAND))
                .toList();
    }

    private static List<StatusChange> history(String id) {
        return cloud.components().orders().history(id);
    }

    private static List<OrderState> path(String id) {
        return history(id).stream().map(StatusChange::to).toList();
    }
}
