package io.shipbridge.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import io.shipbridge.local.demo.Demo;
import io.shipbridge.local.demo.OrderGenerator;
import io.shipbridge.local.sim.CallLog;
import io.shipbridge.local.sim.carrier.CarrierSimulator;
import io.shipbridge.local.states.Execution;
import io.shipbridge.local.stories.OrderStory;
import io.shipbridge.local.stories.StoryOutcome;
import io.shipbridge.local.time.SimulatedTime;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.operations.OperationStatus;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.order.ShippingAddress;
import io.shipbridge.order.StatusChange;
import io.shipbridge.standins.CloudFormationTemplate;
import io.shipbridge.workflow.OrderWorkflow;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole of Shipbridge, end to end, in the offline cloud: template.yaml's functions with their real handlers, the
 * real state machine in the ASL executor, Mirakl and TIPSA simulated. A few dozen orders are placed at once, most
 * of them ordinary, one for each way the state machine can end otherwise (the {@link OrderStory stories} LocalStack's
 * run tells too); every test then reads how its orders ended.
 */
class EndToEndTest {
    private static final int ORDINARY_ORDERS = 24;
    private static final List<OrderState> HAPPY_PATH = StoryOutcome.HAPPY_PATH;
    /** One order each; the ordinary orders ship with every carrier of the same day (OnTime: OnTimeFilesTest). */
    private static final List<OrderStory> STORIES = List.of(OrderStory.ACCEPTANCE_REFUSED,
            OrderStory.DEBIT_NEVER_COMES, OrderStory.DEBIT_FAILS, OrderStory.CANCELLED_WAITING_FOR_DEBIT,
            OrderStory.UNROUTABLE, OrderStory.POSTCODE_TIPSA_REFUSES, OrderStory.TIPSA_DOWN, OrderStory.UNKNOWN_SKU,
            OrderStory.NEVER_COLLECTED, OrderStory.TRACKING_REFUSED, OrderStory.NEVER_DELIVERED,
            OrderStory.ID_WITH_SPACE_AND_SLASH);

    private static OfflineCloud cloud;
    private static final List<String> ordinary = new ArrayList<>();
    private static final Map<OrderStory, String> story = new LinkedHashMap<>();
    private static final Map<String, Execution> executions = new LinkedHashMap<>();
    private static String notTakenIn;
    private static Instant started;

    @BeforeAll
    static void placeEveryStoryAndRunThemToTheirEnd() throws Exception {
        // Waits short enough that the stories ending in a timeout end within a minute, long enough (hours beyond
        // the timeline) that a loaded machine, slowing the functions but not simulated time, does not end them early.
        cloud = OfflineCloud.start(OfflineCloud.Options.defaults(CloudFormationTemplate.locate())
                .withParameters(Map.of("ShippingWaitSeconds", "21600", "FirstScanTimeoutSeconds", "28800",
                        "DeliveryTimeoutSeconds", "57600", "MalformedOrderAction", "refuse",
                        "MalformedOrderRefusalReason", "Cannot ship this order: please contact the seller")));
        started = cloud.time().instant();
        Demo.uploadCatalogs(cloud, null, System.out);
        cloud.putObject("LabelBucket", "catalog/with-typos.csv", ("sku,weight_kg\nNEW-KETTLE,1.2\nNEW-MUG,0,4\n"
                + ",2\nNEW-MUG,-1\n").getBytes(StandardCharsets.UTF_8));
        OrderGenerator generator = new OrderGenerator(new SplittableRandom(20261122L), 1);
        // The kinds the couriers collect the same day (OnTime's wait for the cut-off: OnTimeFilesTest).
        OrderGenerator.Kind[] kinds = {OrderGenerator.Kind.DOMESTIC_1_TO_5_KG, OrderGenerator.Kind.DOMESTIC_OVER_5_KG,
            OrderGenerator.Kind.EUROPE, OrderGenerator.Kind.DOMESTIC_1_TO_5_KG, OrderGenerator.Kind.ISLANDS};
        // Placed at one instant, the clock held: no fetch runs in between, on any machine.
        try (SimulatedTime.Hold placing = cloud.time().hold()) {
            for (int i = 0; i < ORDINARY_ORDERS; i++) {
                ObjectNode order = generator.next(cloud.time().instant(), kinds[i % kinds.length]);
                cloud.placeOrder(order, null);
                ordinary.add(order.path("order_id").asText());
            }
            for (OrderStory told : STORIES) {
                ObjectNode order = told.order(generator, cloud.time().instant());
                cloud.placeOrder(order, told.simulation());
                story.put(told, order.path("order_id").asText());
            }
            ObjectNode malformed = generator.next(cloud.time().instant(), OrderGenerator.Kind.DOMESTIC_1_TO_5_KG);
            ((ObjectNode) malformed.path("order_lines").get(0)).remove(List.of("offer_sku", "product_sku"));
            cloud.placeOrder(malformed, null);
            notTakenIn = malformed.path("order_id").asText();
        }

        List<String> all = new ArrayList<>(ordinary);
        all.addAll(story.values());
        Map<String, String> orderOfExecution = new LinkedHashMap<>();
        all.forEach(id -> orderOfExecution.put(OrderWorkflow.executionName(id), id));
        CloudWaits.await(cloud, "every order's execution ended", () -> {
            for (Execution execution : cloud.engine().executions()) {
                String id = orderOfExecution.get(execution.name());
                if (id != null && execution.status() != Execution.Status.RUNNING) {
                    executions.putIfAbsent(id, execution);
                }
            }
            return executions.size() == all.size();
        });
        assertThat(executions.keySet()).as("orders whose execution ended").containsExactlyInAnyOrderElementsOf(all);
    }

    @AfterAll
    static void stop() {
        try {
            Stories.ended(EndToEndTest.class, cloud);
        } finally {
            if (cloud != null) {
                cloud.close();
            }
        }
    }

    @Test
    void leavesNoMessageOnTheQueueNoDeadLetterAndNoTaskTokenOpen() throws Exception {
        String queue = cloud.aws().resources().queueUrl("TrackingQueue");
        String deadLetters = cloud.aws().resources().queueUrl("TrackingDeadLetterQueue");
        CloudWaits.await(cloud, "the tracking queue empty", Duration.ofHours(1), () -> messages(queue) == 0);
        assertThat(messages(deadLetters)).as("messages on the dead-letter queue").isZero();
        assertThat(cloud.engine().openTaskTokens()).as("task tokens no execution waits for any more").isZero();
    }

    @Test
    void theMetricsCountWhatHappenedToTheOrders() {
        int ordinaryOrders = ordinary.size();
        // Counted by hand from the stories: all but ACCEPTANCE_REFUSED are accepted (11 of 12).
        assertThat(cloud.metrics().total("OrdersAccepted")).as("OrdersAccepted").isEqualTo(ordinaryOrders + 11);
        // A shipment for UNKNOWN_SKU, NEVER_COLLECTED, TRACKING_REFUSED, NEVER_DELIVERED and ID_WITH_SPACE_AND_SLASH.
        assertThat(cloud.metrics().total("ShipmentsCreated")).as("ShipmentsCreated").isEqualTo(ordinaryOrders + 5);
        // Tracking on Mirakl for UNKNOWN_SKU, NEVER_DELIVERED and ID_WITH_SPACE_AND_SLASH (TRACKING_REFUSED: refused).
        assertThat(cloud.metrics().total("TrackingPushed")).as("TrackingPushed").isEqualTo(ordinaryOrders + 3);
        assertThat(cloud.metrics().total("OrdersNotTakenIn")).as("OrdersNotTakenIn, the malformed order")
                .isEqualTo(1);
    }

    @Test
    void theOperationsLogHasOneRowPerCallToMiraklOrACarrierWithTheSeedsColumns() {
        List<String> all = new ArrayList<>(ordinary);
        all.addAll(story.values());
        all.add(notTakenIn);

        OperationsLogCheck.assertOneRowPerCall(cloud, started, all);
        // An ordinary order: OR21, OR23 and OR24 once each and one shipment created, each answered at once.
        for (String id : ordinary) {
            assertThat(cloud.components().operations().forOrder(id)).filteredOn(r -> List.of("accept_order",
                    "update_tracking", "confirm_shipment", "create_shipment").contains(r.action()))
                    .as("calls logged for " + id).hasSize(4)
                    .allSatisfy(r -> assertThat(r.status()).isEqualTo(OperationStatus.OK));
        }
    }

    private static int messages(String queueUrl) {
        return cloud.aws().sqs().getQueueAttributes(a -> a.queueUrl(queueUrl).attributeNamesWithStrings(
                "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible",
                "ApproximateNumberOfMessagesDelayed")).attributesAsStrings().values().stream()
                .mapToInt(Integer::parseInt).sum();
    }

    @Test
    void everyOrdinaryOrderCompletesWithEachCallOnceAndEachTransitionOnceInOrder() {
        Map<String, Long> or21 = cloud.mirakl().calls().appliedByKey("OR21");
        Map<String, Long> or23 = cloud.mirakl().calls().appliedByKey("OR23");
        Map<String, Long> or24 = cloud.mirakl().calls().appliedByKey("OR24");
        for (String id : ordinary) {
            OrderView view = cloud.components().orders().get(id);
            assertThat(view.state()).as(id).isEqualTo(OrderState.COMPLETE);
            assertThat(executions.get(id).status()).as(id).isEqualTo(Execution.Status.SUCCEEDED);
            assertThat(executions.get(id).statesEntered()).as(id).containsExactly("StartOrResume",
                    "AcceptOrder", "CreateShipment", "PushTracking");
            assertThat(path(id)).as(id).isEqualTo(HAPPY_PATH);
            assertThat(or21.get(id)).as("OR21 of " + id).isEqualTo(1);
            assertThat(or23.get(id)).as("OR23 of " + id).isEqualTo(1);
            assertThat(or24.get(id)).as("OR24 of " + id).isEqualTo(1);
            assertThat(cloud.carriers().shipmentsFor(id)).as(id).hasSize(1);
            assertThat(cloud.components().labels().get(view.shipment().labelKey())).as("label of " + id)
                    .startsWith("%PDF".getBytes());
            assertThat(cloud.mirakl().order(id).path("order_state").asText()).as(id).isEqualTo("SHIPPED");
        }
    }

    @Test
    void ordinaryOrdersShipWithTheCarrierTheDefaultRulesGiveTheirKind() {
        Map<String, String> carrierOf = new LinkedHashMap<>();
        for (String id : ordinary) {
            carrierOf.put(id, cloud.components().orders().get(id).shipment().carrier());
        }
        assertThat(carrierOf.values()).as("carriers used").contains("tipsa", "seur", "correosexpress");
        for (String id : ordinary) {
            OrderView view = cloud.components().orders().get(id);
            String country = view.order().shippingAddress().countryCode();
            String expected = !country.equals("ES") ? "correosexpress"
                    : view.carrierChoice().weightKg().compareTo(BigDecimal.valueOf(5)) > 0 ? "seur" : "tipsa";
            assertThat(carrierOf.get(id)).as(id + " to " + country + ", " + view.carrierChoice().weightKg() + " kg")
                    .isEqualTo(expected);
            assertThat(cloud.carriers().get(expected).shipments().forReference(id)).singleElement()
                    .satisfies(s -> assertThat(s.trackingNumber()).isEqualTo(view.shipment().trackingNumber()));
        }
    }

    @Test
    void aCatalogPutInTheBucketIsImportedByItsFunctionAndOneWithBadRowsNotAtAll() throws Exception {
        assertThat(cloud.function("ImportCatalogFunction").invocations()).isGreaterThanOrEqualTo(2);
        assertThat(cloud.components().skuCatalog().items(List.of("MICRO-20L", "NEW-KETTLE"))).containsOnlyKeys(
                "MICRO-20L");
        byte[] report = cloud.aws().s3().getObjectAsBytes(g -> g.bucket(cloud.aws().resources()
                .bucketName("LabelBucket")).key("catalog-reports/with-typos.csv.json")).asByteArray();
        assertThat(Json.MAPPER.readTree(report).path("errors")).extracting(e -> e.path("line").asInt())
                .containsExactly(3, 4, 5);
    }

    @Test
    void anOrderMiraklRefusesToAcceptEndsAcceptanceFailed() {
        String id = assertEnded(OrderStory.ACCEPTANCE_REFUSED);

        assertThat(tipsa().shipments().forReference(id)).isEmpty();
    }

    @Test
    void anOrderWhoseDebitNeverComesEndsAcceptanceFailedAtTheShippingWait() {
        String id = assertEnded(OrderStory.DEBIT_NEVER_COMES);

        assertThat(cloud.mirakl().calls().appliedByKey("OR21").get(id)).isEqualTo(1);
        assertThat(tipsa().shipments().forReference(id)).isEmpty();
    }

    @Test
    void anOrderWhoseDebitFailsIsCancelled() {
        String id = assertEnded(OrderStory.DEBIT_FAILS);

        assertThat(executions.get(id).statesEntered()).endsWith("Cancelled");
        assertThat(tipsa().shipments().forReference(id)).isEmpty();
    }

    @Test
    void anOrderCancelledOnMiraklBeforeItShipsIsCancelled() {
        String id = assertEnded(OrderStory.CANCELLED_WAITING_FOR_DEBIT);

        assertThat(tipsa().shipments().forReference(id)).isEmpty();
    }

    @Test
    void anOrderNoRuleRoutesEndsFailedPostWithoutAShipment() {
        String id = assertEnded(OrderStory.UNROUTABLE);

        assertThat(tipsa().calls().count(c -> id.equals(c.key()))).isZero();
    }

    @Test
    void aShipmentTipsaRefusesEndsFailedPostWithTipsasReason() {
        String id = assertEnded(OrderStory.POSTCODE_TIPSA_REFUSES);

        assertThat(tipsa().shipments().forReference(id)).isEmpty();
    }

    @Test
    void aShipmentWhileTipsaStaysDownWaitsOutTheRecoveryWindowThenEndsFailedPost() {
        String id = assertEnded(OrderStory.TIPSA_DOWN);

        // How far past the window the last attempt fell depends on how long each attempt took here; that it was
        // past the window does not.
        assertThat(reason(id)).matches("RecoveryExhaustedException: CreateShipment kept failing for (2[4-9]|[3-9]\\d) h"
                + " .*longer than the recovery window of 24 h.*").contains("CarrierUnavailable");
        List<OperationRecord> scheduled = cloud.components().operations().forOrder(id).stream()
                .filter(r -> r.action().equals("retry_scheduled")).toList();
        assertThat(scheduled).as("waits, each longer, up to two hours").hasSizeGreaterThan(10);
        assertThat(scheduled.getLast().meta().get("wait_s")).isInstanceOf(Number.class);
        assertThat(((Number) scheduled.get(0).meta().get("wait_s")).longValue()).isLessThanOrEqualTo(60);
        assertThat(tipsa().calls().count(c -> id.equals(c.key()) && c.operation().startsWith("GrabaEnvio")))
                .as("attempts to record the shipment").isGreaterThan(10);
        assertThat(tipsa().shipments().forReference(id)).isEmpty();
    }

    @Test
    void anUnknownSkuIsWeighedAtTheDefaultAndTheOrderCompletes() {
        String id = assertEnded(OrderStory.UNKNOWN_SKU);

        StatusChange posted = history(id).stream().filter(c -> c.to() == OrderState.POSTED).findFirst().orElseThrow();
        assertThat(posted.details()).containsEntry("unknownSkus", "NOT-IN-CATALOG-1");
    }

    @Test
    void aParcelNeverCollectedEndsFailedTrackingAndMiraklNeverHearsOfIt() {
        String id = assertEnded(OrderStory.NEVER_COLLECTED);

        assertThat(cloud.mirakl().calls().appliedByKey("OR23")).doesNotContainKey(id);
        assertThat(tipsa().shipments().forReference(id)).hasSize(1);
    }

    @Test
    void trackingMiraklRefusesEndsFailedPushAndTheShipmentIsNotConfirmed() {
        String id = assertEnded(OrderStory.TRACKING_REFUSED);

        assertThat(cloud.mirakl().calls().appliedByKey("OR24")).doesNotContainKey(id);
    }

    @Test
    void aParcelNeverDeliveredEndsDeliveryNotConfirmedAfterItWasConfirmedOnMirakl() {
        String id = assertEnded(OrderStory.NEVER_DELIVERED);

        assertThat(cloud.mirakl().calls().appliedByKey("OR24").get(id)).isEqualTo(1);
    }

    @Test
    void anOrderWhoseIdHasASpaceAndASlashCompletesWithEachMiraklCallOnce() {
        String id = assertEnded(OrderStory.ID_WITH_SPACE_AND_SLASH);

        for (String operation : List.of("OR21", "OR23", "OR24")) {
            assertThat(cloud.mirakl().calls().appliedByKey(operation).get(id)).as(operation).isEqualTo(1);
        }
        assertThat(cloud.mirakl().order(id).path("order_state").asText()).isEqualTo("SHIPPED");
    }

    @Test
    void anOrderWithoutSkuIsRecordedRefusedOnMiraklOnceAndNeverStarted() {
        OrderView view = cloud.components().orders().get(notTakenIn);

        assertThat(view.state()).isEqualTo(OrderState.CANCELLED);
        assertThat(history(notTakenIn)).extracting(StatusChange::to)
                .containsExactly(OrderState.NOT_TAKEN_IN, OrderState.CANCELLED);
        assertThat(history(notTakenIn).get(0).reason()).contains("order_lines[0] has no SKU");
        assertThat(history(notTakenIn).get(1).reason()).contains("please contact the seller");
        assertThat(cloud.mirakl().order(notTakenIn).path("order_state").asText()).isEqualTo("REFUSED");
        assertThat(cloud.mirakl().calls().appliedByKey("OR21").get(notTakenIn)).isEqualTo(1);
        assertThat(cloud.engine().executions()).noneMatch(e -> e.name().equals(notTakenIn));
        assertThat(cloud.components().operations().forOrder(notTakenIn)).filteredOn(r -> r.action()
                .equals("fetch_order")).extracting(OperationRecord::message)
                .anySatisfy(m -> assertThat(m).startsWith("Order not taken in: order_lines[0] has no SKU"))
                .anySatisfy(m -> assertThat(m).startsWith("Order refused on Mirakl"));
    }

    @Test
    void theFunctionsLogsHoldNoCustomerNameAddressOrPhoneAndNoSecret() throws Exception {
        String logs = Files.readString(Path.of("target/function-logs.jsonl"));
        assertThat(logs).as("the functions logged at INFO").contains("correlation_id");
        List<String> personal = new ArrayList<>();
        for (String id : executions.keySet()) {
            ShippingAddress address = cloud.components().orders().get(id).order().shippingAddress();
            if (address != null) {
                personal.addAll(List.of(address.street1(), address.phone(), address.lastName()));
            }
        }
        assertThat(personal).isNotEmpty();
        for (String value : personal) {
            assertThat(logs).as("logs").doesNotContain(value);
        }
        assertThat(logs).doesNotContain(cloud.mirakl().apiKey()).doesNotContain("local-tipsa-password")
                .doesNotContain(OfflineCloud.WEBHOOK_SECRET.substring("whsec_".length()));
    }

    @Test
    void noStoryTookAnyCallTwice() {
        for (String operation : List.of("OR21", "OR23", "OR24")) {
            assertThat(cloud.mirakl().calls().appliedByKey(operation).values()).as(operation).allMatch(n -> n == 1);
        }
        assertThat(tipsa().calls().count(c -> c.operation().equals("GrabaEnvio24")
                && c.outcome() == CallLog.Outcome.APPLIED)).isEqualTo(tipsa().shipments().created());
        for (String id : executions.keySet()) {
            assertThat(tipsa().shipments().forReference(id).size()).as(id).isLessThanOrEqualTo(1);
            List<OrderState> path = path(id);
            assertThat(path).as(id).doesNotHaveDuplicates();
        }
    }

    private static CarrierSimulator tipsa() {
        return cloud.carriers().get("tipsa");
    }

    /** Checks that the story's order ended as the story says, and returns its id. */
    private static String assertEnded(OrderStory told) {
        String id = story.get(told);
        Execution execution = executions.get(id);
        told.outcome().check(id, new StoryOutcome.Ended(cloud.components().orders().get(id), history(id),
                execution.status().name(), execution.error()));
        return id;
    }

    private static String reason(String id) {
        List<StatusChange> history = history(id);
        return history.get(history.size() - 1).reason();
    }

    private static List<StatusChange> history(String id) {
        return cloud.components().orders().history(id);
    }

    private static List<OrderState> path(String id) {
        return history(id).stream().map(StatusChange::to).toList();
    }
}
