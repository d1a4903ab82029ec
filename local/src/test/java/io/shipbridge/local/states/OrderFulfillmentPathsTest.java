package io.shipbridge.local.states;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import io.shipbridge.standins.CloudFormationTemplate;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shipped state machine, run with stand-in functions, on the paths that used to end an execution without a
 * reason recorded on the order (a wait failing before its registration, the recording itself failing, bad input)
 * and on the recovery from passing faults.
 */
class OrderFulfillmentPathsTest {
    private static final String INPUT = """
            {"orderId": "P-1"}""";

    private final Machines machines = new Machines();
    private final List<JsonNode> recorded = new CopyOnWriteArrayList<>();
    private String definition;

    @BeforeEach
    void shippedDefinitionWithStandInFunctions() throws IOException {
        definition = CloudFormationTemplate.read(CloudFormationTemplate.locate())
                .definitionWithDefaults("OrderStateMachine");
        for (String function : List.of("AcceptOrder", "CreateShipment", "PushTracking", "RecordFailure",
                "ScheduleRetry")) {
            definition = definition.replace("${" + function + "FunctionArn}",
                    "arn:aws:lambda:eu-west-1:000000000000:function:" + function);
        }
        // Each acts, then waits: here the wait is over at once (Mirakl debited, parcel scanned, parcel delivered).
        for (String function : List.of("AcceptOrder", "CreateShipment", "PushTracking")) {
            machines.functions.put(function, this::resumeAtOnce);
        }
    }

    private JsonNode resumeAtOnce(JsonNode payload) {
        machines.engine.sendTaskSuccess(payload.path("taskToken").asText(), "{}");
        return Json.MAPPER.createObjectNode();
    }

    @Test
    void anOrderThatMeetsNoFaultEntersFourStates() {
        Execution execution = machines.run(definition, INPUT);

        assertThat(execution.status()).isEqualTo(Execution.Status.SUCCEEDED);
        assertThat(execution.statesEntered()).containsExactly("StartOrResume", "AcceptOrder", "CreateShipment",
                "PushTracking");
    }

    @AfterEach
    void close() {
        machines.close();
    }

    @Test
    void aFirstScanThatNeverComesFailsTrackingAndRecordsIt() throws IOException {
        ObjectNode machine = (ObjectNode) Json.MAPPER.readTree(definition);
        ((ObjectNode) machine.path("States").path("CreateShipment")).put("TimeoutSeconds", 60);
        machines.functions.put("CreateShipment", payload -> Json.MAPPER.createObjectNode());
        recordFailures();

        Execution execution = machines.run(machine.toString(), INPUT);

        assertThat(execution.error()).isEqualTo("Shipbridge.TrackingFailed");
        assertThat(recorded).singleElement().satisfies(call -> {
            assertThat(call.path("failedState").asText()).isEqualTo("FAILED_TRACKING");
            assertThat(call.path("error").path("Error").asText()).isEqualTo("States.Timeout");
        });
    }

    @Test
    void aRecordingThatKeepsFailingEndsAsFailureNotRecordedAfterItsRetries() {
        machines.functions.put("AcceptOrder", payload -> {
            throw new StatesError("com.example.Broken", "acceptance broken");
        });
        machines.functions.put("RecordFailure", payload -> {
            recorded.add(payload);
            throw new StatesError("io.shipbridge.order.IllegalTransitionException", "cannot record");
        });

        Execution execution = machines.run(definition, INPUT);

        assertThat(execution.status()).isEqualTo(Execution.Status.FAILED);
        assertThat(execution.error()).isEqualTo("Shipbridge.FailureNotRecorded");
        assertThat(execution.statesEntered()).endsWith("RecordAcceptanceFailed", "FailureNotRecorded");
        assertThat(recorded).as("the first attempt and three retries").hasSize(4);
    }

    @Test
    void anInputWithoutAnOrderIdEndsAsBadExecutionInputBeforeAnyFunctionRuns() {
        for (String input : List.of("{}", "{\"orderId\": 7}", "{\"order\": \"P-1\"}")) {
            Execution execution = machines.run(definition, input);

            assertThat(execution.error()).as(input).isEqualTo("Shipbridge.BadExecutionInput");
            assertThat(execution.statesEntered()).as(input).containsExactly("StartOrResume", "BadInput");
        }
    }

    @Test
    void anInputNamingNoStepFailsTheOrderWithThatAsItsReason() {
        recordFailures();

        Execution execution = machines.run(definition, "{\"orderId\": \"P-1\", \"resume\": {\"at\": \"Nowhere\"}}");

        assertThat(execution.error()).isEqualTo("Shipbridge.RetriesExhausted");
        assertThat(recorded).singleElement().satisfies(call -> {
            assertThat(call.has("failedState")).as("the failure of the step the order is at").isFalse();
            assertThat(call.path("error").path("Error").asText()).isEqualTo("Shipbridge.BadExecutionInput");
            assertThat(call.path("error").path("Cause").asText()).contains("Nowhere");
        });
    }

    @Test
    void aResumedExecutionStartsAtItsStep() {
        Execution execution = machines.run(definition, "{\"orderId\": \"P-1\", \"resume\": {\"at\": \"PushTracking\"}}");

        assertThat(execution.status()).isEqualTo(Execution.Status.SUCCEEDED);
        assertThat(execution.statesEntered()).containsExactly("StartOrResume", "PushTracking");
    }

    @Test
    void aPassingFaultThatOutlastsTheQuickRetriesWaitsAndResumesTheStepTheOrderIsAt() {
        AtomicInteger calls = new AtomicInteger();
        machines.functions.put("CreateShipment", payload -> {
            if (calls.incrementAndGet() <= 6) {
                throw new StatesError("io.shipbridge.carrier.CarrierUnavailableException", "tipsa: no answer");
            }
            return resumeAtOnce(payload);
        });
        machines.functions.put("ScheduleRetry", payload -> {
            recorded.add(payload);
            return Json.MAPPER.createObjectNode().put("at", "CreateShipment").put("waitSeconds", 600)
                    .put("attempt", 1);
        });

        Execution execution = machines.run(definition, INPUT);

        assertThat(execution.status()).as(execution.error() + ": " + execution.cause())
                .isEqualTo(Execution.Status.SUCCEEDED);
        assertThat(calls).as("one try and five quick retries, then one more after the wait").hasValue(7);
        assertThat(recorded).singleElement().satisfies(call -> assertThat(call.path("error").path("Error").asText())
                .isEqualTo("io.shipbridge.carrier.CarrierUnavailableException"));
        List<String> entered = execution.statesEntered();
        assertThat(entered.subList(entered.indexOf("ScheduleRetry"), entered.size())).startsWith("ScheduleRetry",
                "WaitBeforeRetry", "StartOrResume", "CreateShipment", "PushTracking");
    }

    @Test
    void aPermanentRefusalFailsAtOnceWithoutWaiting() {
        recordFailures();
        machines.functions.put("CreateShipment", payload -> {
            throw new StatesError("io.shipbridge.carrier.CarrierRejectedException", "invalid postcode");
        });

        Execution execution = machines.run(definition, INPUT);

        assertThat(execution.error()).isEqualTo("Shipbridge.PostFailed");
        assertThat(execution.statesEntered()).doesNotContain("ScheduleRetry").contains("RecordPostFailed");
    }

    @Test
    void aFaultThatOutlastsTheRecoveryWindowFailsTheOrderAtTheStepItIsAt() {
        recordFailures();
        machines.functions.put("PushTracking", payload -> {
            throw new StatesError("io.shipbridge.mirakl.MiraklUnavailableException", "Mirakl 503");
        });
        machines.functions.put("ScheduleRetry", payload -> {
            throw new StatesError("io.shipbridge.fulfilment.RecoveryExhaustedException", "kept failing for 24 h");
        });

        Execution execution = machines.run(definition, INPUT);

        assertThat(execution.error()).isEqualTo("Shipbridge.RetriesExhausted");
        assertThat(recorded).singleElement().satisfies(call -> {
            assertThat(call.has("failedState")).isFalse();
            assertThat(call.path("error").path("Error").asText())
                    .isEqualTo("io.shipbridge.fulfilment.RecoveryExhaustedException");
        });
    }

    @Test
    void anOrderCancelledWhileItWaitsToRetryEndsCancelled() {
        machines.functions.put("AcceptOrder", payload -> {
            throw new StatesError("io.shipbridge.mirakl.MiraklRateLimitedException", "429");
        });
        machines.functions.put("ScheduleRetry", payload -> {
            throw new StatesError("io.shipbridge.order.OrderCancelledException", "cancelled on Mirakl");
        });

        Execution execution = machines.run(definition, INPUT);

        assertThat(execution.status()).isEqualTo(Execution.Status.SUCCEEDED);
        assertThat(execution.statesEntered()).endsWith("ScheduleRetry", "Cancelled");
    }

    private void recordFailures() {
        machines.functions.put("RecordFailure", payload -> {
            recorded.add(payload);
            return Json.MAPPER.createObjectNode();
        });
    }
}
