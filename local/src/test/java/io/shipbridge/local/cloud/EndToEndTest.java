package io.shipbridge.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import io.shipbridge.local.demo.Demo;
import io.shipbridge.local.demo.OrderGenerator;
import io.shipbridge.local.sim.CallLog;
import io.shipbridge.local.sim.carrier.CarrierSimulator;
import io.shipbridge.local.states.Execution;
import io.shipbridge.operations.OperationRecord;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole of Shipbridge, end to end, in the offline cloud: template.yaml's functions with their real handlers, the
 * real state machine in the ASL executor, Mirakl and TIPSA simulated. A few dozen orders are placed at once, most
 * of them ordinary, one for each way the state machine can end otherwise; every test then reads how its orders ended.
 */
class EndToEndTest {
    private static final int ORDINARY_ORDERS = 24;
    private static final List<OrderState> HAPPY_PATH = List.of(OrderState.PENDING_ACCEPTANCE, OrderState.ACCEPTED,
            OrderState.PENDING_POST, OrderState.POSTED, OrderState.AWAITING_TRACKING, OrderState.TRACKED,
            OrderState.MIRAKL_OK, OrderState.COMPLETE);

    private static OfflineCloud cloud;
    private static final List<String> ordinary = new ArrayList<>();
    private static final Map<String, String> story = new LinkedHashMap<>();
    private static final Map<String, Execution> executions = new LinkedHashMap<>();
    private static String notTakenIn;

    @BeforeAll
    static void placeEveryStoryAndRunThemToTheirEnd() throws Exception {
        // Waits short enough that the stories ending in a timeout end within a minute, long enough (hours beyond
        // the timeline) that a loaded machine, slowing the functions but not simulated time, does not end them early.
        cloud = OfflineCloud.start(OfflineCloud.Options.defaults(CloudFormationTemplate.locate())
                .withParameters(Map.of("ShippingWaitSeconds", "21600", "FirstScanTimeoutSeconds", "28800",
                        "DeliveryTimeoutSeconds", "57600", "MalformedOrderAction", "refuse",
                        "MalformedOrderRefusalReason", "Cannot ship this order: please contact the seller")));
        Demo.uploadCatalogs(cloud, null, System.out);
        cloud.putObject("LabelBucket", "catalog/with-typos.csv", ("sku,weight_kg\nNEW-KETTLE,1.2\nNEW-MUG,0,4\n"
                + ",2\nNEW-MUG,-1\n").getBytes(StandardCharsets.UTF_8));
        OrderGenerator generator = new OrderGenerator(new SplittableRandom(20261122L), 1);
        // The kinds the couriers collect the same day (OnTime's wait for the cut-off: OnTimeFilesTest).
        OrderGenerator.Kind[] kinds = {OrderGenerator.Kind.DOMESTIC_1_TO_5_KG, OrderGenerator.Kind.DOMESTIC_OVER_5_KG,
            OrderGenerator.Kind.EUROPE, OrderGenerator.Kind.DOMESTIC_1_TO_5_KG, OrderGenerator.Kind.ISLANDS};
        for (int i = 0; i < ORDINARY_ORDERS; i++) {
            ObjectNode order = generator.next(cloud.time().instant(), kinds[i % kinds.length]);
            cloud.placeOrder(order, null);
            ordinary.add(order.path("order_id").asText());
        }
        place(generator, "acceptance refused", order -> { }, "{\"reject\": [\"OR21\"]}");
        place(generator, "debit never comes", order -> { }, "{\"debit\": \"never\"}");
        place(generator, "debit fails", order -> { }, "{\"debit\": \"fails\"}");
        // Counted from acceptance, not placement: a cold first fetch can take hours of simulated time.
        place(generator, "cancelled while waiting for the debit", order -> { },
                "{\"debit\": \"never\", \"cancelAfterAcceptanceMinutes\": 40}");
        place(generator, "unroutable", EndToEndTest::shipToKosovo, "{}");
        place(generator, "postcode TIPSA refuses", order -> address(order).put("zip_code", "00000"), "{}");
        place(generator, "TIPSA down", order -> { }, "{\"carrier\": \"down\"}");
        place(generator, "unknown SKU", order -> ((ObjectNode) order.path("order_lines").get(0))
                .put("offer_sku", "NOT-IN-CATALOG-1"), "{}");
        place(generator, "never collected", order -> { }, "{\"carrier\": \"not_collected\"}");
        place(generator, "tracking refused", order -> { }, "{\"reject\": [\"OR23\"]}");
        place(generator, "never delivered", order -> { }, "{\"carrier\": \"not_delivered\"}");
        // Mirakl answers 404 to an id whose space was sent as '+' or whose slash split the path.
        place(generator, "id with a space and a slash", order -> order.put("order_id",
                order.path("order_id").asText().replace("-A", " 7/8-A")), "{}");
        ObjectNode malformed = generator.next(cloud.time().instant(), OrderGenerator.Kind.DOMESTIC_1_TO_5_KG);
        ((ObjectNode) malformed.path("order_lines").get(0)).remove(List.of("offer_sku", "product_sku"));
        cloud.placeOrder(malformed, null);
        notTakenIn = malformed.path("order_id").asText();

        List<String> all = new ArrayList<>(ordinary);
        all.addAll(story.values());
        Map<String, String> orderOfExecution = new LinkedHashMap<>();
        all.forEach(id -> orderOfExecution.put(OrderWorkflow.executionName(id), id));
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (executions.size() < all.size() && System.nanoTime() < deadline) {
            for (Execution execution : cloud.engine().executions()) {
                String id = orderOfExecution.get(execution.name());
                if (id != null && execution.status() != Execution.Status.RUNNING) {
                    executions.putIfAbsent(id, execution);
                }
            }
            Thread.sleep(100);
        }
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
        String id = story.get("acceptance refused");

        assertEnded(id, OrderState.ACCEPTANCE_FAILED, "Shipbridge.AcceptanceFailed");
        assertThat(reason(id)).contains("OR21 is refused");
        assertThat(tipsa().shipments().forReference(id)).isEmpty();
    }

    @Test
    void anOrderWhoseDebitNeverComesEndsAcceptanceFailedAtTheShippingWait() {
        String id = story.get("debit never comes");

        assertEnded(id, OrderState.ACCEPTANCE_FAILED, "Shipbridge.AcceptanceFailed");
        assertThat(reason(id)).contains("Timed out");
        assertThat(cloud.mirakl().calls().appliedByKey("OR21").get(id)).isEqualTo(1);
        assertThat(tipsa().shipments().forReference(id)).isEmpty();
    }

    @Test
    void anOrderWhoseDebitFailsIsCancelled() {
        String id = story.get("debit fails");

        assertEnded(id, OrderState.CANCELLED, null);
        assertThat(executions.get(id).statesEntered()).endsWith("Cancelled");
        assertThat(tipsa().shipments().forReference(id)).isEmpty();
    }

    @Test
    void anOrderCancelledOnMiraklBeforeItShipsIsCancelled() {
        String id = story.get("cancelled while waiting for the debit");

        assertEnded(id, OrderState.CANCELLED, null);
        assertThat(tipsa().shipments().forReference(id)).isEmpty();
    }

    @Test
    void anOrderNoRuleRoutesEndsFailedPostWithoutAShipment() {
        String id = story.get("unroutable");

        assertEnded(id, OrderState.FAILED_POST, "Shipbridge.PostFailed");
        assertThat(reason(id)).contains("no recognizable country");
        assertThat(tipsa().calls().count(c -> id.equals(c.key()))).isZero();
    }

    @Test
    void aShipmentTipsaRefusesEndsFailedPostWithTipsasReason() {
        String id = story.get("postcode TIPSA refuses");

        assertEnded(id, OrderState.FAILED_POST, "Shipbridge.PostFailed");
        assertThat(reason(id)).contains("Código postal de destino erróneo");
        assertThat(tipsa().shipments().forReference(id)).isEmpty();
    }

    @Test
    void aShipmentWhileTipsaStaysDownWaitsOutTheRecoveryWindowThenEndsFailedPost() {
        String id = story.get("TIPSA down");

        assertEnded(id, OrderState.FAILED_POST, "Shipbridge.RetriesExhausted");
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
        String id = story.get("unknown SKU");

        assertEnded(id, OrderState.COMPLETE, null);
        StatusChange posted = history(id).stream().filter(c -> c.to() == OrderState.POSTED).findFirst().orElseThrow();
        assertThat(posted.details()).containsEntry("unknownSkus", "NOT-IN-CATALOG-1");
    }

    @Test
    void aParcelNeverCollectedEndsFailedTrackingAndMiraklNeverHearsOfIt() {
        String id = story.get("never collected");

        assertEnded(id, OrderState.FAILED_TRACKING, "Shipbridge.TrackingFailed");
        assertThat(reason(id)).contains("Timed out");
        assertThat(cloud.mirakl().calls().appliedByKey("OR23")).doesNotContainKey(id);
        assertThat(tipsa().shipments().forReference(id)).hasSize(1);
    }

    @Test
    void trackingMiraklRefusesEndsFailedPushAndTheShipmentIsNotConfirmed() {
        String id = story.get("tracking refused");

        assertEnded(id, OrderState.FAILED_PUSH, "Shipbridge.PushFailed");
        assertThat(reason(id)).contains("OR23 is refused");
        assertThat(cloud.mirakl().calls().appliedByKey("OR24")).doesNotContainKey(id);
    }

    @Test
    void aParcelNeverDeliveredEndsDeliveryNotConfirmedAfterItWasConfirmedOnMirakl() {
        String id = story.get("never delivered");

        assertThat(executions.get(id).status()).isEqualTo(Execution.Status.FAILED);
        assertThat(executions.get(id).error()).isEqualTo("Shipbridge.DeliveryNotConfirmed");
        assertThat(cloud.components().orders().get(id).state()).isEqualTo(OrderState.MIRAKL_OK);
        assertThat(cloud.mirakl().calls().appliedByKey("OR24").get(id)).isEqualTo(1);
    }

    @Test
    void anOrderWhoseIdHasASpaceAndASlashCompletesWithEachMiraklCallOnce() {
        String id = story.get("id with a space and a slash");

        assertEnded(id, OrderState.COMPLETE, null);
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

    private static void place(OrderGenerator generator, String name, Consumer<ObjectNode> twist, String simulation)
            throws Exception {
        ObjectNode order = generator.next(cloud.time().instant(), OrderGenerator.Kind.DOMESTIC_1_TO_5_KG);
        twist.accept(order);
        cloud.placeOrder(order, (ObjectNode) Json.MAPPER.readTree(simulation));
        story.put(name, order.path("order_id").asText());
    }

    /** Kosovo's code (XK) is not in ISO 3166-1: no rule can place a parcel whose country it cannot tell. */
    private static void shipToKosovo(ObjectNode order) {
        address(order).put("zip_code", "10000").put("city", "Prishtinë").put("country", "Kosovo")
                .put("country_iso_code", "XK");
    }

    private static ObjectNode address(ObjectNode order) {
        return (ObjectNode) order.path("customer").path("shipping_address");
    }

    private static void assertEnded(String id, OrderState state, String executionError) {
        assertThat(cloud.components().orders().get(id).state()).as(id).isEqualTo(state);
        Execution execution = executions.get(id);
        if (executionError == null) {
            assertThat(execution.status()).as(id).isEqualTo(Execution.Status.SUCCEEDED);
        } else {
            assertThat(execution.status()).as(id).isEqualTo(Execution.Status.FAILED);
            assertThat(execution.error()).as(id).isEqualTo(executionError);
        }
        List<OrderState> path = path(id);
        assertThat(path).as(id).endsWith(state).doesNotHaveDuplicates();
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
