package io.shipbridge.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import io.shipbridge.local.demo.Demo;
import io.shipbridge.local.demo.OrderGenerator;
import io.shipbridge.local.sim.CallLog;
import io.shipbridge.local.sim.Faults;
import io.shipbridge.local.states.Execution;
import io.shipbridge.local.stories.StoryOutcome;
import io.shipbridge.local.time.SimulatedTime;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.StatusChange;
import io.shipbridge.standins.CloudFormationTemplate;
import io.shipbridge.workflow.OrderWorkflow;
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
 * How Shipbridge comes through what goes wrong on the way without losing an order or doing anything twice, end to
 * end in the offline cloud: faults injected at random into every simulator (throttling, server error pages, answers
 * lost, duplicate webhooks) and one order per kind of fault scripted; an order the regular fetch cannot see that the
 * daily sweep finds; the Mirakl API key rotated while orders are under way. All orders are placed at one instant.
 */
class RecoveryStoriesTest {
    private static final Instant START = Instant.parse("2026-11-20T08:00:00Z");
    /** template.yaml's DailySweep, cron(30 3 * * ? *): the first one after the start. */
    private static final Instant FIRST_SWEEP = Instant.parse("2026-11-21T03:30:00Z");
    private static final int ORDERS_UNDER_RANDOM_FAULTS = 8;
    private static final int ORDERS_UNDER_ROTATION = 3;
    private static final String ROTATED_KEY = "rotated-mirakl-key-2026-11";

    /** One order per kind of passing fault, scripted on one Mirakl call, and how many of them it meets. */
    private enum ScriptedFault {
        /** 429 with Retry-After on each of OR21's three quick attempts: the step's own Retry takes over. */
        THROTTLED("OR21", "throttle", 3),
        /** 503 pages on each of OR23's three quick attempts: the step's Retry again. */
        SERVER_ERROR("OR23", "server_error", 3),
        /** OR21 carried out, its answer lost: the next attempt is refused (already accepted), which counts as done. */
        ACCEPT_ANSWER_LOST("OR21", "late", 1),
        /** OR24 carried out, its answer lost: the next attempt is refused (already shipped), which counts as done. */
        SHIP_ANSWER_LOST("OR24", "late", 1);

        final String operation;
        final String fault;
        final int times;

        ScriptedFault(String operation, String fault, int times) {
            this.operation = operation;
            this.fault = fault;
            this.times = times;
        }
    }

    private static OfflineCloud cloud;
    private static final List<String> underRandomFaults = new ArrayList<>();
    private static final Map<ScriptedFault, String> scripted = new LinkedHashMap<>();
    private static final List<String> underRotation = new ArrayList<>();
    private static String lateVisible;
    private static final List<String> all = new ArrayList<>();
    private static final Map<String, Execution> executions = new LinkedHashMap<>();
    private static Instant rotatedAt;
    private static Instant revokedAt;
    private static int faultsDrawnAtRandom;
    private static int duplicateWebhooks;

    @BeforeAll
    static void placeEveryOrderAndRunThemToTheirEnd() throws Exception {
        cloud = OfflineCloud.start(OfflineCloud.Options.defaults(CloudFormationTemplate.locate())
                .withSeed(20261130L));
        assertThat(cloud.time().instant()).isEqualTo(START);
        Demo.uploadCatalogs(cloud, null, System.out);
        OrderGenerator generator = new OrderGenerator(new SplittableRandom(20261130L), 1401);
        OrderGenerator.Kind[] kinds = {OrderGenerator.Kind.DOMESTIC_1_TO_5_KG, OrderGenerator.Kind.DOMESTIC_OVER_5_KG,
            OrderGenerator.Kind.EUROPE, OrderGenerator.Kind.ISLANDS};
        // Throttling, error pages and lost answers, each at 6 %; webhooks delivered twice at 20 %.
        cloud.injectFaults(new Faults(0.06, 0.06, 0.06, 0.2));
        try (SimulatedTime.Hold placing = cloud.time().hold()) {
            for (int i = 0; i < ORDERS_UNDER_RANDOM_FAULTS; i++) {
                underRandomFaults.add(place(generator.next(START, kinds[i % kinds.length]), null));
            }
            for (ScriptedFault fault : ScriptedFault.values()) {
                ObjectNode simulation = Json.MAPPER.createObjectNode();
                var planned = simulation.putObject("faults").putArray(fault.operation);
                for (int i = 0; i < fault.times; i++) {
                    planned.add(fault.fault);
                }
                scripted.put(fault, place(generator.next(START, OrderGenerator.Kind.DOMESTIC_1_TO_5_KG), simulation));
            }
            // Mirakl shows it an hour after it was placed, its last_updated_date still the placing: by then every
            // scheduled fetch reads from a cursor later than that (see theDailySweepTakesInAnOrder...).
            lateVisible = place(generator.next(START, OrderGenerator.Kind.DOMESTIC_1_TO_5_KG),
                    Json.MAPPER.createObjectNode().put("visibleAfterMinutes", 60));
            for (int i = 0; i < ORDERS_UNDER_ROTATION; i++) {
                underRotation.add(place(generator.next(START, OrderGenerator.Kind.DOMESTIC_1_TO_5_KG), null));
            }
        }

        rotateTheMiraklKeyWhileTheRotationOrdersWaitForTheirDebit();

        List<String> underFaults = new ArrayList<>(underRandomFaults);
        underFaults.addAll(scripted.values());
        awaitEnded(underFaults);
        faultsDrawnAtRandom = (int) (cloud.mirakl().calls().count(c -> c.outcome() == CallLog.Outcome.FAULT)
                + cloud.carriers().all().stream().mapToLong(c -> c.calls().count(call -> call.outcome()
                        == CallLog.Outcome.FAULT)).sum());
        duplicateWebhooks = cloud.webhooks().duplicates();
        // The other stories' orders met the faults too while they lasted; the quiet day until the sweep need not.
        cloud.injectFaults(Faults.NONE);
        awaitEnded(all);
    }

    private static void awaitEnded(List<String> orders) throws InterruptedException {
        Map<String, String> orderOfExecution = new LinkedHashMap<>();
        orders.forEach(id -> orderOfExecution.put(OrderWorkflow.executionName(id), id));
        CloudWaits.await(cloud, orders.size() + " orders' executions ended", () -> {
            for (Execution execution : cloud.engine().executions()) {
                String id = orderOfExecution.get(execution.name());
                if (id != null && execution.status() != Execution.Status.RUNNING) {
                    executions.putIfAbsent(id, execution);
                }
            }
            return executions.keySet().containsAll(orders);
        });
    }

    private static String place(ObjectNode order, ObjectNode simulation) {
        cloud.placeOrder(order, simulation);
        String id = order.path("order_id").asText();
        all.add(id);
        return id;
    }

    /**
     * As README, Secrets, tells a seller to: a new key generated in the back office and put in the secret at one
     * instant (the old key still works), the old one revoked once the functions' secret cache (five minutes) has let
     * go of it. A function still sending the old key after that is refused with a 401.
     */
    private static void rotateTheMiraklKeyWhileTheRotationOrdersWaitForTheirDebit() throws InterruptedException {
        String oldKey = cloud.mirakl().apiKey();
        try (SimulatedTime.Hold held = CloudWaits.awaitAndHold(cloud, "the rotation orders accepted", () ->
                underRotation.stream().allMatch(id -> CloudWaits.state(cloud, id) == OrderState.ACCEPTED))) {
            rotatedAt = cloud.time().instant();
            cloud.mirakl().generateApiKey(ROTATED_KEY);
            cloud.aws().putSecret("MiraklApiKeySecret", Json.MAPPER.createObjectNode().put("apiKey", ROTATED_KEY)
                    .toString());
            cloud.time().schedule(Duration.ofMinutes(5).plusSeconds(1), () -> {
                revokedAt = cloud.time().instant();
                cloud.mirakl().revokeApiKey(oldKey);
            });
        }
    }

    @AfterAll
    static void stop() {
        try {
            Stories.ended(RecoveryStoriesTest.class, cloud);
        } finally {
            if (cloud != null) {
                cloud.close();
            }
        }
    }

    @Test
    void theOperationsLogHasOneRowPerCallEvenWhenTheAnswerWasAFaultOrLost() {
        // Each fault met (429, error page, answer lost) is a row of its own, with the answer the function received.
        int rows = OperationsLogCheck.assertOneRowPerCall(cloud, START, all);
        // At least OR21, OR23, OR24 and one creation per order, and a row for each of the scripted faults.
        int scriptedFaults = 0;
        for (ScriptedFault fault : ScriptedFault.values()) {
            scriptedFaults += fault.times;
        }
        assertThat(rows).isGreaterThanOrEqualTo(4 * all.size() + scriptedFaults);
    }

    @Test
    void faultsWereReallyInjectedIntoTheCallsAndTheWebhooks() {
        assertThat(faultsDrawnAtRandom).as("429s, 5xx pages and lost answers met").isGreaterThan(ScriptedFault
                .values().length);
        assertThat(cloud.carriers().all().stream().mapToLong(c -> c.calls().count(call -> call.outcome()
                == CallLog.Outcome.FAULT)).sum()).as("faults at the carriers").isPositive();
        assertThat(duplicateWebhooks).as("webhooks delivered twice").isPositive();
    }

    @Test
    void underRandomFaultsEveryOrderCompletesWithEachMiraklCallAndItsShipmentOnce() {
        for (String id : underRandomFaults) {
            assertCompletedOnce(id);
        }
    }

    @Test
    void anOrderWhoseCallsMeetEachKindOfFaultRecoversAndCompletesWithEachCallOnce() {
        for (Map.Entry<ScriptedFault, String> entry : scripted.entrySet()) {
            ScriptedFault fault = entry.getKey();
            String id = entry.getValue();
            assertCompletedOnce(id);
            List<CallLog.Call> calls = cloud.mirakl().calls().all().stream().filter(c -> id.equals(c.key())
                    && c.operation().equals(fault.operation)).toList();
            // The script's faults come first, before any drawn at random; then the call that succeeds (or, after a
            // lost answer, the one Mirakl refuses as done already, in its own words).
            assertThat(calls).as(fault + ": " + id).hasSizeGreaterThan(fault.times);
            for (CallLog.Call call : calls.subList(0, fault.times)) {
                switch (fault.fault) {
                    case "throttle" -> assertThat(call.status()).as(fault + " " + call).isEqualTo(429);
                    case "server_error" -> assertThat(call.status()).as(fault + " " + call).isEqualTo(503);
                    default -> assertThat(call).as(fault + " " + call).satisfies(c -> {
                        assertThat(c.outcome()).isEqualTo(CallLog.Outcome.APPLIED);
                        assertThat(c.note()).contains("answer lost on the way");
                    });
                }
            }
            if (fault.fault.equals("late")) {
                assertThat(calls.subList(fault.times, calls.size())).as(fault + ": the attempts after the lost answer")
                        .anySatisfy(c -> assertThat(c.outcome()).isEqualTo(CallLog.Outcome.REJECTED));
            }
        }
    }

    @Test
    void theDailySweepTakesInAnOrderTheScheduledFetchCouldNotSee() {
        // Placed with the others (P, on the morning of the 20th) and last updated then, shown from P + 60 min: each
        // scheduled fetch from then on reads from its cursor (the previous run's start, 5 minutes before) minus the
        // 10-minute overlap and Mirakl's 1-minute margin, i.e. from P + 44 min at the earliest, after its
        // last_updated_date; only the sweep, reading 5 days back, sees it, at 03:30 on the 21st.
        List<StatusChange> history = cloud.components().orders().history(lateVisible);
        assertThat(history.get(0).to()).isEqualTo(OrderState.PENDING_ACCEPTANCE);
        // At the sweep's instant, or a few seconds on if Mirakl throttled its OR11 (Retry-After: 2 s).
        assertThat(history.get(0).at()).as("taken in by the sweep").isBetween(FIRST_SWEEP,
                FIRST_SWEEP.plus(Duration.ofMinutes(1)));
        assertCompletedOnce(lateVisible);
    }

    @Test
    void afterTheMiraklKeyIsRotatedTheFunctionsSendTheNewKeyAndNoOrderIsLostOrDoneTwice() {
        assertThat(rotatedAt).isNotNull();
        assertThat(revokedAt).as("the old key revoked").isEqualTo(rotatedAt.plus(Duration.ofMinutes(5))
                .plusSeconds(1));
        assertThat(cloud.mirakl().calls().count(c -> c.status() == 401)).as("calls refused for their key")
                .isZero();
        // Resuming the orders (OR11, each scheduled fetch), and OR23 and OR24 all came after the revocation: each
        // one answered went with the new key.
        assertThat(cloud.mirakl().calls().count(c -> c.at().isAfter(revokedAt) && c.operation().equals("OR24")
                && c.outcome() == CallLog.Outcome.APPLIED)).as("OR24 applied after the old key was revoked")
                .isGreaterThanOrEqualTo(ORDERS_UNDER_ROTATION);
        for (String id : underRotation) {
            assertCompletedOnce(id);
        }
    }

    private static void assertCompletedOnce(String id) {
        assertThat(CloudWaits.state(cloud, id)).as(id).isEqualTo(OrderState.COMPLETE);
        assertThat(executions.get(id).status()).as(id).isEqualTo(Execution.Status.SUCCEEDED);
        assertThat(cloud.components().orders().history(id)).extracting(StatusChange::to).as(id)
                .isEqualTo(StoryOutcome.HAPPY_PATH);
        for (String operation : List.of("OR21", "OR23", "OR24")) {
            assertThat(cloud.mirakl().calls().appliedByKey(operation).get(id)).as(operation + " of " + id)
                    .isEqualTo(1);
        }
        assertThat(cloud.carriers().shipmentsFor(id)).as("shipments of " + id).hasSize(1);
        assertThat(cloud.mirakl().order(id).path("order_state").asText()).as(id).isEqualTo("SHIPPED");
    }
}
