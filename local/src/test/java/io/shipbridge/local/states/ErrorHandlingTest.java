package io.shipbridge.local.states;

import static io.shipbridge.local.states.Machines.output;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.config.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Retry, Catch, TimeoutSeconds and the error names they match, as the specification defines them. */
class ErrorHandlingTest {
    private final Machines machines = new Machines();
    private final List<Instant> calls = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        machines.close();
    }

    /** A function that fails with {@code error} its first {@code failures} calls, recording when it was called. */
    private void flaky(String error, int failures) {
        AtomicInteger count = new AtomicInteger();
        machines.functions.put("Flaky", payload -> {
            calls.add(machines.time.instant());
            if (count.incrementAndGet() <= failures) {
                throw new StatesError(error, "{\"errorMessage\":\"attempt " + count.get() + "\",\"errorType\":\""
                        + error + "\"}");
            }
            return Json.MAPPER.createObjectNode().put("ok", true);
        });
    }

    private static String task(String retry, String catchers) {
        return """
                {"StartAt": "Call", "States": {
                  "Call": {"Type": "Task", "Resource": "arn:aws:lambda:eu-west-1:000000000000:function:Flaky",
                    "Retry": %s, "Catch": %s, "End": true},
                  "Handled": {"Type": "Pass", "End": true}}}""".formatted(retry, catchers);
    }

    @Test
    void retriesWithTheIntervalTimesTheBackoffRateEachTimeCappedByMaxDelay() {
        flaky("com.example.Transient", 3);

        Execution execution = machines.run(task("""
                [{"ErrorEquals": ["com.example.Transient"], "IntervalSeconds": 20, "BackoffRate": 3,
                  "MaxAttempts": 3, "MaxDelaySeconds": 100}]""", "[]"), "{}");

        output(execution);
        assertThat(calls).hasSize(4);
        // 20 s, 20 × 3 = 60 s, then 180 s capped at 100 s: exactly, on the discrete clock.
        assertThat(gaps()).containsExactly(Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ofSeconds(100));
    }

    @Test
    void fullJitterWaitsAtMostTheComputedInterval() {
        flaky("com.example.Transient", 5);

        output(machines.run(task("""
                [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 50, "BackoffRate": 1, "MaxAttempts": 5,
                  "JitterStrategy": "FULL"}]""", "[]"), "{}"));

        assertThat(gaps()).hasSize(5).allSatisfy(gap -> assertThat(gap).isLessThanOrEqualTo(Duration.ofSeconds(50)));
        assertThat(gaps()).anySatisfy(gap -> assertThat(gap).isLessThan(Duration.ofSeconds(45)));
    }

    @Test
    void givesUpAfterMaxAttemptsAndTheErrorFailsTheExecution() {
        flaky("com.example.Transient", 10);

        Execution execution = machines.run(task("""
                [{"ErrorEquals": ["com.example.Transient"], "IntervalSeconds": 1, "MaxAttempts": 2}]""", "[]"), "{}");

        assertThat(calls).hasSize(3);
        assertThat(execution.status()).isEqualTo(Execution.Status.FAILED);
        assertThat(execution.error()).isEqualTo("com.example.Transient");
        assertThat(execution.cause()).contains("attempt 3");
    }

    @Test
    void maxAttemptsZeroNeverRetriesAndOnlyTheFirstMatchingRetrierApplies() {
        flaky("com.example.Permanent", 1);

        Execution execution = machines.run(task("""
                [{"ErrorEquals": ["com.example.Permanent"], "MaxAttempts": 0},
                 {"ErrorEquals": ["States.ALL"], "MaxAttempts": 5}]""", "[]"), "{}");

        assertThat(calls).hasSize(1);
        assertThat(execution.error()).isEqualTo("com.example.Permanent");
    }

    @Test
    void aCatcherPutsTheErrorAtItsResultPathAndGoesOn() {
        flaky("com.example.Permanent", 1);

        JsonNode out = output(machines.run(task("[]", """
                [{"ErrorEquals": ["com.example.Other"], "Next": "Handled"},
                 {"ErrorEquals": ["States.TaskFailed"], "ResultPath": "$.error", "Next": "Handled"}]"""),
                "{\"orderId\": \"A\"}"));

        assertThat(out.path("orderId").asText()).isEqualTo("A");
        assertThat(out.path("error").path("Error").asText()).isEqualTo("com.example.Permanent");
        assertThat(out.path("error").path("Cause").asText()).contains("attempt 1");
    }

    @Test
    void retriesFirstThenCatchesWhenTheRetriesRunOut() {
        flaky("com.example.Transient", 10);

        JsonNode out = output(machines.run(task("""
                [{"ErrorEquals": ["com.example.Transient"], "IntervalSeconds": 1, "MaxAttempts": 1}]""", """
                [{"ErrorEquals": ["States.ALL"], "Next": "Handled"}]"""), "{}"));

        assertThat(calls).hasSize(2);
        assertThat(out.path("Error").asText()).isEqualTo("com.example.Transient");
    }

    @Test
    void aTaskOverItsTimeoutFailsWithStatesTimeoutWhichTaskFailedDoesNotCatch() {
        machines.functions.put("Slow", payload -> {
            try {
                machines.time.sleep(Duration.ofSeconds(120));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return payload;
        });

        Execution execution = machines.run("""
                {"StartAt": "Call", "States": {
                  "Call": {"Type": "Task", "Resource": "arn:aws:lambda:eu-west-1:000000000000:function:Slow",
                    "TimeoutSecondsPath": "$.timeout",
                    "Catch": [{"ErrorEquals": ["States.TaskFailed"], "Next": "Caught"}], "End": true},
                  "Caught": {"Type": "Succeed"}}}""", "{\"timeout\": 10}");

        assertThat(execution.status()).isEqualTo(Execution.Status.FAILED);
        assertThat(execution.error()).isEqualTo("States.Timeout");
        assertThat(execution.history()).extracting(e -> e.path("type").asText()).contains("TaskTimedOut");
    }

    @Test
    void aRuntimeErrorIsCaughtByNothingNotEvenStatesAll() {
        Execution execution = machines.run("""
                {"StartAt": "Call", "States": {
                  "Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "InputPath": "$.missing",
                    "Parameters": {"FunctionName": "Flaky"},
                    "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Caught"}], "End": true},
                  "Caught": {"Type": "Succeed"}}}""", "{}");

        assertThat(execution.status()).isEqualTo(Execution.Status.FAILED);
        assertThat(execution.error()).isEqualTo("States.Runtime");
        assertThat(execution.statesEntered()).containsExactly("Call");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2592000.5", "0", "-5", "\"60\"", "null"})
    void aTimeoutPathToAnythingButAWholePositiveNumberFailsTheExecutionUncaught(String timeout) {
        machines.functions.put("Quick", payload -> payload);

        Execution execution = machines.run("""
                {"StartAt": "Call", "States": {
                  "Call": {"Type": "Task", "Resource": "arn:aws:lambda:eu-west-1:000000000000:function:Quick",
                    "TimeoutSecondsPath": "$.timeout",
                    "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Caught"}], "End": true},
                  "Caught": {"Type": "Succeed"}}}""", "{\"timeout\": " + timeout + "}");

        assertThat(execution.status()).isEqualTo(Execution.Status.FAILED);
        assertThat(execution.error()).isEqualTo("States.Runtime");
        assertThat(execution.cause()).contains("TimeoutSeconds must be a positive whole number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"60.5", "-1", "\"60\"", "null"})
    void aWaitPathToAnythingButAWholeNonNegativeNumberFailsTheExecution(String seconds) {
        Execution execution = machines.run("""
                {"StartAt": "Pause", "States": {
                  "Pause": {"Type": "Wait", "SecondsPath": "$.seconds", "End": true}}}""",
                "{\"seconds\": " + seconds + "}");

        assertThat(execution.status()).isEqualTo(Execution.Status.FAILED);
        assertThat(execution.error()).isEqualTo("States.Runtime");
    }

    @Test
    void aParametersPathThatIsNotThereFailsWithParameterPathFailureWhichACatcherTakes() {
        Execution execution = machines.run("""
                {"StartAt": "Call", "States": {
                  "Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                    "Parameters": {"FunctionName": "Flaky", "Payload.$": "$.missing"},
                    "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Caught"}], "End": true},
                  "Caught": {"Type": "Succeed"}}}""", "{}");

        assertThat(output(execution).path("Error").asText()).isEqualTo("States.ParameterPathFailure");
        assertThat(execution.statesEntered()).containsExactly("Call", "Caught");
    }

    @Test
    void anUnsupportedFeatureFailsTheExecutionNamingIt() {
        StateMachine machine = StateMachine.of("x", "arn:aws:states:eu-west-1:000000000000:stateMachine:x", """
                {"StartAt": "Put", "States": {"Put": {"Type": "Task",
                  "Resource": "arn:aws:states:::dynamodb:putItem", "Parameters": {}, "End": true}}}""");

        assertThat(machine.unsupported()).containsExactly(
                "state Put: resource arn:aws:states:::dynamodb:putItem (only Lambda tasks)");
        Execution execution = machines.run(machine.definition().toString(), "{}");
        assertThat(execution.error()).isEqualTo("States.Runtime");
        assertThat(execution.cause()).contains("does not support").contains("dynamodb:putItem");
        assertThat(StateMachine.of("j", "arn:j", "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"A\","
                + " \"States\": {\"A\": {\"Type\": \"Pass\", \"Output\": \"{% 1 %}\", \"End\": true}}}").unsupported())
                .contains("QueryLanguage JSONata (only JSONPath)", "state A: field Output");
    }

    private List<Duration> gaps() {
        return java.util.stream.IntStream.range(1, calls.size())
                .mapToObj(i -> Duration.between(calls.get(i - 1), calls.get(i))).toList();
    }
}
