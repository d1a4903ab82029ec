package io.shipbridge.local.states;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.config.Json;
import io.shipbridge.standins.CloudFormationTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shipped state machine, run with stand-in functions, on the paths that used to end an execution without a
 * reason recorded on the order: a wait failing before its registration, and the recording itself failing.
 */
class OrderFulfillmentPathsTest {
    private static final String INPUT = """
            {"orderId": "P-1", "timeouts": {"shippingSeconds": 3600, "firstScanSeconds": 3600,
              "deliverySeconds": 3600}}""";

    private final Machines machines = new Machines();
    private final List<JsonNode> recorded = new CopyOnWriteArrayList<>();
    private String definition;

    @BeforeEach
    void shippedDefinitionWithStandInFunctions() throws IOException {
        definition = Files.readString(CloudFormationTemplate.locate().getParent()
                .resolve("statemachine/order-fulfillment.asl.json"));
        for (String function : List.of("AcceptOrder", "RegisterCallback", "SelectCarrier", "CreateShipment",
                "PushTracking", "RecordFailure")) {
            definition = definition.replace("${" + function + "FunctionArn}",
                    "arn:aws:lambda:eu-west-1:000000000000:function:" + function);
        }
        for (String function : List.of("AcceptOrder", "SelectCarrier", "CreateShipment", "PushTracking")) {
            machines.functions.put(function, payload -> Json.MAPPER.createObjectNode());
        }
    }

    @AfterEach
    void close() {
        machines.close();
    }

    @Test
    void aWaitWhoseRegistrationFailsRecordsItsFailureOnTheOrder() {
        machines.functions.put("RegisterCallback", payload -> {
            if (payload.path("waitFor").asText().equals("FIRST_SCAN")) {
                throw new StatesError("io.shipbridge.order.IllegalTransitionException", "cannot wait");
            }
            machines.engine.sendTaskSuccess(payload.path("taskToken").asText(), "{}");
            return Json.MAPPER.createObjectNode();
        });
        machines.functions.put("RecordFailure", payload -> {
            recorded.add(payload);
            return Json.MAPPER.createObjectNode();
        });

        Execution execution = machines.run(definition, INPUT);

        assertThat(execution.error()).isEqualTo("Shipbridge.TrackingFailed");
        assertThat(recorded).singleElement().satisfies(call -> {
            assertThat(call.path("failedState").asText()).isEqualTo("FAILED_TRACKING");
            assertThat(call.path("error").path("Error").asText()).isEqualTo("io.shipbridge.order.IllegalTransitionException");
        });
    }

    @Test
    void aRecordingThatKeepsFailingEndsAsFailureNotRecordedAfterItsRetries() {
        machines.functions.put("RegisterCallback", payload -> {
            throw new StatesError("com.example.Broken", "registration broken");
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
}
