package io.shipbridge.local.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.shipbridge.local.cloud.Seller;
import io.shipbridge.local.demo.OrderGenerator;
import io.shipbridge.local.sim.CallLog;
import io.shipbridge.local.stories.OrderStory;
import io.shipbridge.local.stories.StoryOutcome;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.order.StatusChange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Spanish seller's order stories ({@link OrderStory}, the ones the offline cloud's EndToEndTest tells, and a
 * happy path per carrier) told again against the stack deployed to LocalStack in Docker: the functions as real Java
 * 21 Lambdas, LocalStack's own Step Functions running the state machine (its callbacks and timeouts included), its
 * DynamoDB, SQS, S3 and Secrets Manager, against the simulated Mirakl and carriers in this JVM.
 *
 * <p>Told on the wall clock, in minutes: the waits for Mirakl's debit, the first scan and the delivery are deployed at
 * three minutes ({@link SellerStack#WAIT_TIMEOUTS}); the stories needing hours of simulated time stay the offline
 * cloud's. The schedules, the bucket's rules and the daily cut-off are fired by the test ({@link ScheduleDriver},
 * {@link BucketRules}, {@link DailyHandOver}). LocalStack's free edition has no HTTP API: carriers' webhooks and the
 * operator's retry go to the functions the routes would call, invoked directly with the HTTP API's event
 * ({@link DeployedApi}).
 */
class SpanishSellerDockerIT {
    /** Orders placed a few seconds apart: LocalStack then runs a container or two per function, not one per order. */
    private static final Duration PLACEMENT_GAP = Duration.ofSeconds(3);
    private static final Duration STORIES_END_WITHIN = Duration.ofMinutes(15);
    private static final Duration STEP_WITHIN = Duration.ofMinutes(5);

    private static SellerStack stack;
    private static final Map<OrderStory, String> told = new EnumMap<>(OrderStory.class);
    private static Map<String, StoryOutcome.Ended> ended;
    private static String toRetry;
    private static String handOverToOnTime = "not tried";

    @BeforeAll
    static void tellEveryStoryOnTheWallClockAndWaitForThemToEnd() throws Exception {
        stack = SellerStack.of(Seller.SPAIN);
        OrderGenerator generator = new OrderGenerator(new SplittableRandom(20261202L), 1);
        for (OrderStory story : OrderStory.onWallClock()) {
            told.put(story, stack.place(story.order(generator, now()), story.simulation()));
            Thread.sleep(PLACEMENT_GAP.toMillis());
        }
        toRetry = stack.place(OrderStory.TRACKING_REFUSED.order(generator, now()),
                OrderStory.TRACKING_REFUSED.simulation());
        handOverToOnTime = handOverToOnTime(told.get(OrderStory.SHIPS_WITH_ONTIME));
        List<String> orders = new ArrayList<>(told.values());
        orders.add(toRetry);
        ended = stack.runs().awaitEnded(orders, STORIES_END_WITHIN);
    }

    /**
     * OnTime collects the parcels of the day's manifest: the day is closed once the order's shipment exists. Says how
     * it went: a failure here is the OnTime story's, the others go on.
     */
    private static String handOverToOnTime(String orderId) throws Exception {
        try {
            stack.runs().awaitState(orderId, OrderState.AWAITING_TRACKING, STEP_WITHIN);
            return "closed: " + stack.handOver().close(stack.runs().view(orderId).shipment().handoverDay());
        } catch (AssertionError | RuntimeException | IOException e) {
            return "failed: " + e;
        }
    }

    @TestFactory
    Stream<DynamicTest> everyStoryEndsAsTheOfflineCloudsDoes() {
        return told.entrySet().stream().map(story -> dynamicTest(story.getKey().toString(), () -> {
            String id = story.getValue();
            assertThat(ended).as("ended within " + STORIES_END_WITHIN.toMinutes() + " minutes: "
                    + stack.runs().whereItStands(id) + "; OnTime's hand-over " + handOverToOnTime).containsKey(id);
            story.getKey().outcome().check(id, ended.get(id));
        }));
    }

    @Test
    void eachCarriersOrderHasItsLabelAndIsShippedOnMiraklUnderItsTrackingNumber() {
        for (OrderStory story : List.of(OrderStory.SHIPS_WITH_TIPSA, OrderStory.SHIPS_WITH_SEUR,
                OrderStory.SHIPS_WITH_CORREOS_EXPRESS, OrderStory.SHIPS_WITH_ONTIME)) {
            String id = told.get(story);
            OrderView view = stack.runs().view(id);
            assertThat(view.shipment()).as(story + ": " + stack.runs().whereItStands(id)).isNotNull();
            assertThat(stack.runs().label(view.shipment().labelKey())).as("label of " + id)
                    .startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
            assertThat(stack.world().carriers().shipmentsFor(id)).as(story + " at the carrier").singleElement()
                    .satisfies(shipment -> assertThat(shipment.trackingNumber())
                            .isEqualTo(view.shipment().trackingNumber()));
            assertThat(stack.world().mirakl().order(id).path("shipping_tracking").asText()).as(story.toString())
                    .isEqualTo(view.shipment().trackingNumber());
            assertThat(stack.world().mirakl().order(id).path("order_state").asText()).as(story.toString())
                    .isEqualTo("SHIPPED");
        }
    }

    @Test
    void anOrderThatEndsBeforeItsShipmentLeavesNoneAtAnyCarrier() {
        for (OrderStory story : List.of(OrderStory.ACCEPTANCE_REFUSED, OrderStory.DEBIT_NEVER_COMES,
                OrderStory.DEBIT_FAILS, OrderStory.UNROUTABLE, OrderStory.POSTCODE_TIPSA_REFUSES)) {
            assertThat(stack.world().carriers().shipmentsFor(told.get(story))).as(story.toString()).isEmpty();
        }
    }

    @Test
    void noOrderTookAnyMiraklCallTwiceOrTwoShipments() {
        for (String operation : List.of("OR21", "OR23", "OR24")) {
            assertThat(stack.world().mirakl().calls().appliedByKey(operation).values()).as(operation)
                    .allMatch(applied -> applied == 1);
        }
        for (String id : told.values()) {
            assertThat(stack.world().carriers().shipmentsFor(id).size()).as(id).isLessThanOrEqualTo(1);
        }
    }

    /**
     * The operator API's retry, through its function invoked directly with the HTTP API's event (LocalStack's free
     * edition has no HTTP API), signed as an operator signs: an order whose tracking Mirakl refused is retried once
     * Mirakl takes it, and completes with each Mirakl call made once.
     */
    @Test
    void anOrderFailedAtPushIsRetriedByTheOperatorApiOnceMiraklTakesItsTracking() throws Exception {
        assertThat(stack.runs().state(toRetry)).as(stack.runs().whereItStands(toRetry))
                .contains(OrderState.FAILED_PUSH);
        stack.world().mirakl().lift(toRetry);

        DeployedApi.Answer retried = stack.api().call("POST", "/api/v1/orders/" + toRetry + "/retry",
                "{\"reason\": \"the marketplace takes the tracking again\"}");

        assertThat(retried.status()).as(retried.body().toString()).isEqualTo(200);
        assertThat(retried.body().path("resumeAt").asText()).isEqualTo("PushTracking");
        assertThat(retried.body().path("state").asText()).isEqualTo("TRACKED");
        StoryOutcome.Ended again = stack.runs().awaitEnded(toRetry, retried.body().path("execution").asText(),
                STEP_WITHIN);
        assertThat(again.executionStatus()).isEqualTo("SUCCEEDED");
        assertThat(again.view().state()).isEqualTo(OrderState.COMPLETE);
        assertThat(again.history()).anySatisfy(change -> {
            assertThat(change.actor()).isEqualTo("operator:arn:aws:iam::000000000000:user/"
                    + stack.operatorAccessKey());
            assertThat(change.reason()).isEqualTo("Retried by an operator: the marketplace takes the tracking again");
        });
        assertThat(again.history()).extracting(StatusChange::to).endsWith(OrderState.FAILED_PUSH,
                OrderState.TRACKED, OrderState.MIRAKL_OK, OrderState.COMPLETE);
        for (String operation : List.of("OR23", "OR24")) {
            assertThat(stack.world().mirakl().calls().count(call -> call.operation().equals(operation)
                    && toRetry.equals(call.key()) && call.outcome() == CallLog.Outcome.APPLIED)).as(operation)
                    .isEqualTo(1);
        }
    }

    private static Instant now() {
        return stack.world().time().instant();
    }
}
