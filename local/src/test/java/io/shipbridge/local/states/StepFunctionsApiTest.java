package io.shipbridge.local.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipbridge.config.Json;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** The executor reached as AWS's SDK reaches Step Functions: the same client calls, answers and errors. */
class StepFunctionsApiTest {
    private final Machines machines = new Machines();
    private final StepFunctionsServer server = StepFunctionsServer.start(machines.engine, 0);
    private final SfnClient sfn = SfnClient.builder().endpointOverride(server.endpoint()).region(Region.EU_WEST_1)
            .credentialsProvider(AnonymousCredentialsProvider.create()).httpClient(UrlConnectionHttpClient.create())
            .build();
    private final BlockingQueue<String> tokens = new LinkedBlockingQueue<>();
    private final StateMachine machine = machines.engine.register(StateMachine.of("orders",
            "arn:aws:states:eu-west-1:000000000000:stateMachine:orders", """
            {"StartAt": "Wait", "States": {"Wait": {"Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
              "Parameters": {"FunctionName": "Register", "Payload": {"token.$": "$$.Task.Token"}},
              "ResultPath": "$.result", "End": true}}}"""));

    StepFunctionsApiTest() {
        machines.functions.put("Register", payload -> {
            tokens.add(payload.path("token").asText());
            return Json.MAPPER.createObjectNode();
        });
    }

    @AfterEach
    void close() {
        sfn.close();
        server.close();
        machines.close();
    }

    @Test
    void startingTheSameNameTwiceWhileRunningReturnsTheSameExecution() {
        StartExecutionResponse first = start("1045281-A", "{\"orderId\":\"1045281-A\"}");
        StartExecutionResponse again = start("1045281-A", "{\"orderId\":\"1045281-A\"}");

        assertThat(again.executionArn()).isEqualTo(first.executionArn())
                .isEqualTo("arn:aws:states:eu-west-1:000000000000:execution:orders:1045281-A");
        assertThatThrownBy(() -> start("1045281-A", "{\"orderId\":\"other\"}"))
                .isInstanceOf(ExecutionAlreadyExistsException.class);
    }

    @Test
    void aCallbackRunsThroughTheApiAndTheExecutionIsDescribedWithItsHistory() throws Exception {
        String arn = start("1045282-A", "{\"orderId\":\"1045282-A\"}").executionArn();
        String token = tokens.poll(5, TimeUnit.SECONDS);
        assertThat(sfn.describeExecution(d -> d.executionArn(arn)).status()).isEqualTo(ExecutionStatus.RUNNING);

        sfn.sendTaskSuccess(s -> s.taskToken(token).output("{\"state\":\"TRACKED\"}"));
        Machines.awaitEnd(machines.engine.describe(arn));

        var described = sfn.describeExecution(d -> d.executionArn(arn));
        assertThat(described.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(described.output()).contains("TRACKED");
        assertThat(described.name()).isEqualTo("1045282-A");
        assertThat(sfn.getExecutionHistory(h -> h.executionArn(arn)).events()).extracting(e -> e.type())
                .containsExactly(HistoryEventType.EXECUTION_STARTED, HistoryEventType.TASK_STATE_ENTERED,
                        HistoryEventType.TASK_SCHEDULED, HistoryEventType.TASK_STARTED,
                        HistoryEventType.TASK_SUCCEEDED, HistoryEventType.TASK_STATE_EXITED,
                        HistoryEventType.EXECUTION_SUCCEEDED);
        assertThatThrownBy(() -> sfn.sendTaskSuccess(s -> s.taskToken(token).output("{}")))
                .isInstanceOf(TaskTimedOutException.class);
        assertThatThrownBy(() -> start("1045282-A", "{\"orderId\":\"1045282-A\"}"))
                .isInstanceOf(ExecutionAlreadyExistsException.class);
    }

    @Test
    void refusesAnUnknownTokenAndStopsAnExecution() throws Exception {
        String arn = start("1045283-A", "{}").executionArn();
        tokens.poll(5, TimeUnit.SECONDS);

        assertThatThrownBy(() -> sfn.sendTaskFailure(s -> s.taskToken("AQBforged").error("x")))
                .isInstanceOf(InvalidTokenException.class);
        sfn.stopExecution(s -> s.executionArn(arn).error("Operator").cause("test"));

        assertThat(sfn.describeExecution(d -> d.executionArn(arn)).status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(sfn.listExecutions(l -> l.stateMachineArn(machine.arn())).executions())
                .extracting(e -> e.name()).contains("1045283-A");
    }

    private StartExecutionResponse start(String name, String input) {
        return sfn.startExecution(s -> s.stateMachineArn(machine.arn()).name(name).input(input));
    }
}
