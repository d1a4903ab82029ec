package io.shipbridge.local.states;

import static io.shipbridge.local.states.Machines.awaitEnd;
import static io.shipbridge.local.states.Machines.output;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.config.Json;
import io.shipbridge.local.time.SimulatedTime;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code .waitForTaskToken}: the task token in the context object, SendTaskSuccess/Failure/Heartbeat, timeouts. */
class CallbackTest {
    private final Machines machines = new Machines();
    private final BlockingQueue<String> tokens = new LinkedBlockingQueue<>();
    /** The clock, held by the test while it answers a token at the instant it was registered. */
    private SimulatedTime.Hold answering;

    private static final String WAIT = """
            {"StartAt": "Wait", "States": {
              "Wait": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
                "Parameters": {"FunctionName": "Register", "Payload": {"orderId.$": "$.orderId",
                  "taskToken.$": "$$.Task.Token"}},
                "TimeoutSeconds": 3600, %s
                "ResultPath": "$.callback",
                "Catch": [{"ErrorEquals": ["com.example.Cancelled"], "ResultPath": "$.error", "Next": "Cancelled"}],
                "End": true},
              "Cancelled": {"Type": "Succeed"}}}""";

    CallbackTest() {
        machines.functions.put("Register", payload -> {
            tokens.add(payload.path("taskToken").asText());
            return Json.MAPPER.createObjectNode().put("registered", true);
        });
    }

    @AfterEach
    void close() {
        if (answering != null) {
            answering.close();
        }
        machines.close();
    }

    /** Starts the execution with the clock held, so that the test cannot miss its token's instant. */
    private Execution startHeld(String definition) {
        answering = machines.time.hold();
        return machines.start(definition, "{\"orderId\": \"A\"}");
    }

    /** The token, as soon as the task registers it, and the clock held there until {@link #answered}. */
    private String awaitToken() throws InterruptedException {
        answering = machines.time.expectHolding(() -> !tokens.isEmpty(), Machines.START.plus(Duration.ofDays(1)),
                Duration.ofSeconds(20), answering);
        assertThat(answering).as("a token registered").isNotNull();
        return tokens.poll();
    }

    private void answered() {
        answering.close();
    }

    @Test
    void theTaskEndsWithTheOutputSentWithItsToken() throws Exception {
        Execution execution = startHeld(WAIT.formatted(""));
        String token = awaitToken();

        machines.engine.sendTaskSuccess(token, "{\"state\": \"TRACKED\"}");
        answered();
        awaitEnd(execution);

        JsonNode out = output(execution);
        assertThat(out.path("callback").path("state").asText()).isEqualTo("TRACKED");
        assertThat(out.path("orderId").asText()).isEqualTo("A");
        assertThatThrownBy(() -> machines.engine.sendTaskSuccess(token, "{}"))
                .isInstanceOf(StatesApiException.class).extracting(e -> ((StatesApiException) e).type())
                .isEqualTo("TaskTimedOut");
    }

    @Test
    void aFailureSentWithTheTokenIsCaughtByItsErrorName() throws Exception {
        Execution execution = startHeld(WAIT.formatted(""));

        machines.engine.sendTaskFailure(awaitToken(), "com.example.Cancelled", "by Mirakl");
        answered();
        awaitEnd(execution);

        assertThat(output(execution).path("error").path("Cause").asText()).isEqualTo("by Mirakl");
        assertThat(execution.statesEntered()).containsExactly("Wait", "Cancelled");
    }

    @Test
    void theFunctionItselfMaySendTheTokenBackBeforeItReturns() {
        machines.functions.put("Register", payload -> {
            machines.engine.sendTaskSuccess(payload.path("taskToken").asText(), "{\"already\": true}");
            return Json.MAPPER.createObjectNode();
        });

        Execution execution = machines.run(WAIT.formatted(""), "{\"orderId\": \"A\"}");

        assertThat(output(execution).path("callback").path("already").asBoolean()).isTrue();
    }

    @Test
    void noTokenWithinTimeoutSecondsIsStatesTimeout() {
        Execution execution = machines.run(WAIT.formatted(""), "{\"orderId\": \"A\"}");

        assertThat(execution.error()).isEqualTo("States.Timeout");
        assertThat(Duration.between(execution.startDate(), execution.stopDate()))
                .isEqualTo(Duration.ofSeconds(3600));
    }

    @Test
    void heartbeatsKeepATaskAliveAndMissingOneIsStatesHeartbeatTimeout() throws Exception {
        Execution execution = startHeld(WAIT.formatted("\"HeartbeatSeconds\": 600,"));
        String token = awaitToken();
        for (int i = 0; i < 3; i++) {
            machines.time.sleep(Duration.ofSeconds(400));
            machines.engine.sendTaskHeartbeat(token);
        }
        assertThat(execution.status()).isEqualTo(Execution.Status.RUNNING);
        answered();

        awaitEnd(execution);

        assertThat(execution.error()).isEqualTo("States.HeartbeatTimeout");
    }

    @Test
    void anUnknownTokenIsRefused() {
        assertThatThrownBy(() -> machines.engine.sendTaskSuccess("AQBnot-a-token", "{}"))
                .isInstanceOf(StatesApiException.class).extracting(e -> ((StatesApiException) e).type())
                .isEqualTo("InvalidToken");
    }

    @Test
    void aFunctionThatFailsFailsTheTaskWithoutWaiting() {
        machines.functions.put("Register", payload -> {
            throw new StatesError("io.shipbridge.order.OrderNotFoundException", "{\"errorMessage\":\"No order A\"}");
        });

        Execution execution = machines.run(WAIT.formatted(""), "{\"orderId\": \"A\"}");

        assertThat(execution.error()).isEqualTo("io.shipbridge.order.OrderNotFoundException");
        assertThat(Duration.between(execution.startDate(), execution.stopDate())).isZero();
    }

    @Test
    void stoppingAWaitingExecutionAbortsIt() throws Exception {
        Execution execution = startHeld(WAIT.formatted(""));
        awaitToken();

        machines.engine.stop(execution.arn(), "Operator", "no longer needed");
        answered();
        awaitEnd(execution);

        assertThat(execution.status()).isEqualTo(Execution.Status.ABORTED);
        assertThat(execution.history()).last().satisfies(e -> assertThat(e.path("type").asText())
                .isEqualTo("ExecutionAborted"));
    }
}
