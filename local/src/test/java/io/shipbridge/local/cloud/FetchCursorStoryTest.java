package io.shipbridge.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import io.shipbridge.fulfilment.FetchOrders;
import io.shipbridge.local.demo.OrderGenerator;
import io.shipbridge.local.sim.CallLog;
import io.shipbridge.local.states.Execution;
import io.shipbridge.local.time.SimulatedTime;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.StatusChange;
import io.shipbridge.standins.CloudFormationTemplate;
import io.shipbridge.storage.FetchCursorStore;
import io.shipbridge.workflow.OrderWorkflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A scheduled fetch that fails on a later OR11 page leaves the cursor where it was (issue 14): what it read before
 * the failure is taken in once, the next run reads again from the same cursor, takes in the rest and only then moves
 * it. End to end in the offline cloud: FetchOrdersFunction on its schedule, the Mirakl simulator answering OR11 over
 * HTTP (pages of 100), DynamoDB Local holding the cursor and the orders.
 *
 * <p>The story: the first scheduled fetch (08:05) finds nothing and sets the cursor; at that instant 210 orders are
 * placed, three pages of 100, 100 and 10. The 08:10 fetch takes page 1 in, then meets a 503 on each of its three
 * attempts at page 2 (a fault scripted on the order that opens it) and fails; Lambda tries the scheduled event again a
 * minute later. No customer is ever debited, so every order ends its part of the story ACCEPTED, waiting for SHIPPING:
 * the steps after acceptance owe nothing to the fetch, and 210 orders through the carriers would take minutes. The
 * story is read once the last scheduled fetch whose window still covers the orders (08:25) has read them all again,
 * the clock held from then until the class ends.
 */
class FetchCursorStoryTest {
    /** The offline cloud's default start. */
    private static final Instant START = Instant.parse("2026-11-20T08:00:00Z");
    /** FetchSchedule, rate(5 minutes): its first run, which finds no order and sets the cursor to its start. */
    private static final Instant FIRST_FETCH = START.plus(Duration.ofMinutes(5));
    /** The next one, the first to see the orders (placed at FIRST_FETCH). */
    private static final Instant FAILING_FETCH = FIRST_FETCH.plus(Duration.ofMinutes(5));
    /** Its three attempts at page 2 (MiraklTransport): at +0 s, +1 s and +3 s (backing off 1 s, then 2 s). */
    private static final Instant FAILED_AT = FAILING_FETCH.plusSeconds(3);
    /** Lambda tries a failed asynchronous (scheduled) event again a minute after it failed. */
    private static final Instant RETRY = FAILED_AT.plus(Duration.ofMinutes(1));
    /** FETCH_OVERLAP_MINUTES' default: a scheduled run reads from the cursor less this. */
    private static final Duration OVERLAP = Duration.ofMinutes(10);
    /**
     * The last run that reads the orders again. A run reads from the previous run's start less the overlap (and
     * Mirakl reaches a minute further back): the 08:25 run from 08:10, when no order had been accepted yet, so it sees
     * every order's acceptance, its last update (08:10 for page 1, 08:11:03 for the rest).
     */
    private static final Instant LAST_REREADING_FETCH = START.plus(Duration.ofMinutes(25));
    /** MiraklOrderFeed's page size. */
    private static final int PAGE = 100;
    /** Three pages: 100, 100 and 10. */
    private static final int ORDERS = 210;
    /** A 503 for each of MiraklTransport's three attempts at the page: the run gives up on it. */
    private static final List<String> PAGE_FAULTS = List.of("server_error", "server_error", "server_error");

    private static OfflineCloud cloud;
    private static FetchCursorStore cursors;
    /** In placing order: ids are zero-padded and all created at one instant, so OR11 lists them in this order. */
    private static final List<String> placed = new ArrayList<>();
    private static Optional<Instant> cursorBeforeFailure;
    private static FetchCursorStore.LastRun failedRun;
    private static Optional<Instant> cursorAfterFailure;
    private static List<String> takenInByTheFailedRun;
    private static double fetchedMetricAfterFailure;
    private static FetchCursorStore.LastRun nextRun;
    private static Optional<Instant> cursorAfterNextRun;
    private static List<String> takenInAfterTheNextRun;
    private static double fetchedMetricAfterNextRun;
    private static FetchCursorStore.LastRun lastRereadingRun;
    /** The clock, held from the end of the story until the class ends: the tests read a world that stands still. */
    private static SimulatedTime.Hold ended;

    @BeforeAll
    static void placeThreePagesOfOrdersAndFailTheSecondPageOfOneFetch() throws Exception {
        // No catalog: no order gets as far as choosing its carrier.
        cloud = OfflineCloud.start(OfflineCloud.Options.defaults(CloudFormationTemplate.locate())
                .withSeed(20261402L));
        cursors = new FetchCursorStore(cloud.aws().dynamoDb(), cloud.aws().resources().tableName("ShipbridgeTable"));

        try (SimulatedTime.Hold placing = CloudWaits.awaitAndHold(cloud, "the first scheduled fetch ended",
                () -> lastRun().isPresent())) {
            assertThat(cloud.time().instant()).isEqualTo(FIRST_FETCH);
            cursorBeforeFailure = cursors.get(FetchOrders.CURSOR);
            OrderGenerator generator = new OrderGenerator(new SplittableRandom(20261402L), 14_001);
            for (int i = 0; i < ORDERS; i++) {
                ObjectNode simulation = Json.MAPPER.createObjectNode().put("debit", "never");
                if (i == PAGE) {
                    PAGE_FAULTS.forEach(simulation.putObject("faults").putArray("OR11")::add);
                }
                ObjectNode order = generator.next(cloud.time().instant(), OrderGenerator.Kind.DOMESTIC_1_TO_5_KG);
                cloud.placeOrder(order, simulation);
                placed.add(order.path("order_id").asText());
            }
        }

        try (SimulatedTime.Hold failed = CloudWaits.awaitAndHold(cloud, "a fetch run failed",
                () -> lastRun().map(run -> !run.ok()).orElse(false))) {
            failedRun = lastRun().orElseThrow();
            cursorAfterFailure = cursors.get(FetchOrders.CURSOR);
            takenInByTheFailedRun = takenIn();
            fetchedMetricAfterFailure = cloud.metrics().total("OrdersFetched");
        }

        try (SimulatedTime.Hold succeeded = CloudWaits.awaitAndHold(cloud, "the next fetch run succeeded",
                () -> lastRun().map(run -> run.ok() && run.at().isAfter(failedRun.at())).orElse(false))) {
            nextRun = lastRun().orElseThrow();
            cursorAfterNextRun = cursors.get(FetchOrders.CURSOR);
            takenInAfterTheNextRun = takenIn();
            fetchedMetricAfterNextRun = cloud.metrics().total("OrdersFetched");
        }

        ended = CloudWaits.awaitAndHold(cloud, "the scheduled fetch of " + LAST_REREADING_FETCH + " ended",
                () -> lastRun().map(run -> !run.at().isBefore(LAST_REREADING_FETCH)).orElse(false));
        lastRereadingRun = lastRun().orElseThrow();
    }

    @AfterAll
    static void stop() {
        if (ended != null) {
            ended.close();
        }
        try {
            Stories.ended(FetchCursorStoryTest.class, cloud);
        } finally {
            if (cloud != null) {
                cloud.close();
            }
        }
    }

    @Test
    void theFailedRunRecordsItsFailureAndLeavesTheCursorWhereItWas() {
        // The first run found no order and moved the cursor to its start.
        assertThat(cursorBeforeFailure).contains(FIRST_FETCH);
        assertThat(failedRun.at()).isEqualTo(FAILED_AT);
        assertThat(failedRun.trigger()).isEqualTo("schedule");
        assertThat(failedRun.ok()).isFalse();
        assertThat(failedRun.result()).contains("MiraklUnavailableException").contains("503");
        assertThat(cursorAfterFailure).as("the cursor after the failed run").isEqualTo(cursorBeforeFailure);
    }

    @Test
    void theFailedRunReadPageOneThenGaveUpOnPageTwoAndNeverAskedForPageThree() {
        // Page 1 answered, page 2 refused three times (the script), page 3 never asked for.
        assertThat(or11Between(FAILING_FETCH, FAILED_AT)).extracting(CallLog.Call::status)
                .containsExactly(200, 503, 503, 503);
        // Its next run reads the three pages again from the first, at one instant.
        assertThat(or11Between(RETRY, RETRY)).extracting(CallLog.Call::status).containsExactly(200, 200, 200);
    }

    @Test
    void theOrdersOfThePageReadBeforeTheFailureAreTakenInOnceAndTheRestOnlyByTheNextRun() {
        // Page 1: the first 100 placed; the other 110 not yet.
        assertThat(takenInByTheFailedRun).containsExactlyElementsOf(placed.subList(0, PAGE));
        assertThat(fetchedMetricAfterFailure).as("OrdersFetched after the failed run").isEqualTo(PAGE);
        assertThat(takenInAfterTheNextRun).containsExactlyElementsOf(placed);
        // 100 by the failed run, 110 by the next: none twice.
        assertThat(fetchedMetricAfterNextRun).as("OrdersFetched after the next run").isEqualTo(ORDERS);
        for (int i = 0; i < ORDERS; i++) {
            String id = placed.get(i);
            List<StatusChange> takings = cloud.components().orders().history(id).stream()
                    .filter(change -> change.to() == OrderState.PENDING_ACCEPTANCE).toList();
            Instant expected = i < PAGE ? FAILING_FETCH : RETRY;
            assertThat(takings).as("takings in of " + id).singleElement().satisfies(first -> assertThat(first.at())
                    .isEqualTo(expected));
        }
    }

    @Test
    void theNextRunReadsFromTheUnchangedCursorAndOnlyThenMovesIt() {
        assertThat(nextRun.at()).isEqualTo(RETRY);
        assertThat(nextRun.trigger()).isEqualTo("schedule");
        // From the cursor the failed run left (08:05) less the overlap: 07:55; three pages, 210 orders, of which the
        // 110 of pages 2 and 3 are new.
        assertThat(nextRun.result()).contains("since=" + FIRST_FETCH.minus(OVERLAP)).contains("pages=3")
                .contains("received=" + ORDERS).contains("CREATED=110").contains("complete=true");
        assertThat(cursorAfterNextRun).as("the cursor after the next run: its start").contains(RETRY);
    }

    @Test
    void theRunsThatReadTheOrdersAgainTakeNoneInTwice() {
        assertThat(lastRereadingRun.at()).isEqualTo(LAST_REREADING_FETCH);
        assertThat(lastRereadingRun.ok()).isTrue();
        // From 08:20 less the overlap: 08:10; every order again, none new.
        assertThat(lastRereadingRun.result()).contains("since=" + LAST_REREADING_FETCH.minus(Duration.ofMinutes(5))
                .minus(OVERLAP)).contains("received=" + ORDERS).doesNotContain("CREATED");
        // The runs of 08:15, 08:20 and 08:25 read the three pages each (one call each: no fault is left).
        assertThat(or11Between(RETRY.plusSeconds(1), LAST_REREADING_FETCH)).extracting(CallLog.Call::status)
                .containsExactly(200, 200, 200, 200, 200, 200, 200, 200, 200);
        assertThat(cloud.metrics().total("OrdersFetched")).as("OrdersFetched in the end").isEqualTo(ORDERS);
    }

    @Test
    void inTheEndEveryOrderIsTakenInOnceAcceptedOnceAndWithOneExecution() {
        Map<String, Long> accepted = cloud.mirakl().calls().appliedByKey("OR21");
        assertThat(accepted).as("orders accepted on Mirakl").hasSize(ORDERS);
        for (String id : placed) {
            assertThat(executionsOf(id)).as("executions of " + id).singleElement()
                    .satisfies(e -> assertThat(e.status()).isEqualTo(Execution.Status.RUNNING));
            assertThat(accepted.get(id)).as("OR21 of " + id).isEqualTo(1);
            // Its customer is never debited: accepted, waiting for SHIPPING.
            assertThat(cloud.components().orders().history(id)).extracting(StatusChange::to).as(id)
                    .containsExactly(OrderState.PENDING_ACCEPTANCE, OrderState.ACCEPTED);
            assertThat(cloud.mirakl().order(id).path("order_state").asText()).as(id)
                    .isEqualTo("WAITING_DEBIT_PAYMENT");
        }
    }

    private static Optional<FetchCursorStore.LastRun> lastRun() {
        return cursors.lastRun(FetchOrders.CURSOR);
    }

    /** The placed orders Shipbridge has a record of, in placing order. */
    private static List<String> takenIn() {
        return placed.stream().filter(id -> cloud.components().orders().find(id).isPresent()).toList();
    }

    private static List<Execution> executionsOf(String orderId) {
        String name = OrderWorkflow.executionName(orderId);
        return cloud.engine().executions().stream().filter(e -> e.name().equals(name)).toList();
    }

    private static List<CallLog.Call> or11Between(Instant from, Instant to) {
        return cloud.mirakl().calls().all().stream().filter(c -> c.operation().equals("OR11")
                && !c.at().isBefore(from) && !c.at().isAfter(to)).toList();
    }
}
