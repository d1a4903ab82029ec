package io.shipbridge.local.states;

import static io.shipbridge.local.states.Machines.awaitEnd;
import static io.shipbridge.local.states.Machines.output;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.config.Json;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code .waitForTaskToken}: the task token in the context object, SendTaskSuccess/Failure/Heartbeat, timeouts. */
class CallbackTest {
    private final Machines machines = new Machines(1_000);
    private final BlockingQueue<String> tokens = new LinkedBlockingQueue<>();

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
        machines.close();
    }

    @Test
    void theTaskEndsWithTheOutputSentWithItsToken() throws Exception {
        Execution execution = machines.start(WAIT.formatted(""), "{\"orderId\": \"A\"}");
        String token = tokens.poll(5, TimeUnit.SECONDS);

        machines.engine.sendTaskSuccess(token, "{\"state\": \"TRACKED\"}");
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
        Execution execution = machines.start(WAIT.formatted(""), "{\"orderId\": \"A\"}");

        machines.engine.sendTaskFailure(tokens.poll(5, TimeUnit.SECONDS), "com.example.Cancelled", "by Mirakl");
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
                .isBetween(Duration.ofSeconds(3600), Duration.ofSeconds(3700));
    }

    @Test
    void heartbeatsKeepATaskAliveAndMissingOneIsStatesHeartbeatTimeout() throws Exception {
        Execution execution = machines.start(WAIT.formatted("\"HeartbeatSeconds\": 600,"), "{\"orderId\": \"A\"}");
        String token = tokens.poll(5, TimeUnit.SECONDS);
        for (int i = 0; i < 3; i++) {
            machines.time.sleep(Duration.ofSeconds(400));
            machines.engine.sendTaskHeartbeat(token);
        }
        assertThat(execution.status()).isEqualTo(Execution.Status.RUNNING);

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
        assertThat(Duration.between(execution.startDate(), execution.stopDate())).isLessThan(Duration.ofSeconds(600));
    }

    @Test
    void stoppingAWaitingExecutionAbortsIt() throws Exception {
        Execution execution = machines.start(WAIT.formatted(""), "{\"orderId\": \"A\"}");
        tokens.poll(5, TimeUnit.SECONDS);

        machines.engine.stop(execution.arn(), "Operator", "no longer needed");
        awaitEnd(execution);

        assertThat(execution.status()).isEqualTo(Execution.Status.ABORTED);
        assertThat(execution.history()).last().satisfies(e -> assertThat(e.path("type").asText())
                .isEqualTo("ExecutionAborted"));
    }
}
