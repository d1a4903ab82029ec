package io.shipbridge.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.shipbridge.config.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Step Functions API (JSON protocol) as WireMock plays it: it accepts StartExecution, SendTaskSuccess and
 * SendTaskFailure and keeps what it was sent, so tests see exactly which executions were started and resumed.
 */
public final class StepFunctionsStub {
    private static final String TARGET = "X-Amz-Target";
    private final WireMockServer server;

    StepFunctionsStub(WireMockServer server) {
        this.server = server;
    }

    public void reset() {
        server.resetAll();
        answer("StartExecution", "{\"executionArn\":\"arn:aws:states:eu-west-1:000000000000:execution:orders:x\","
                + "\"startDate\":1700000000}");
        answer("SendTaskSuccess", "{}");
        answer("SendTaskFailure", "{}");
    }

    private void answer(String operation, String body) {
        server.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo("AWSStepFunctions." + operation))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withBody(body)));
    }

    /** Makes StartExecution answer that an execution of that name exists, as Step Functions does. */
    public void executionsAlreadyExist() {
        server.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo("AWSStepFunctions.StartExecution"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withBody("{\"__type\":\"ExecutionAlreadyExists\",\"message\":\"Execution Already Exists\"}")));
    }

    /** Makes SendTaskSuccess answer that the task is no longer waiting. */
    public void tasksTimedOut() {
        server.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo("AWSStepFunctions.SendTaskSuccess"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withBody("{\"__type\":\"TaskTimedOut\",\"message\":\"Task Timed Out\"}")));
    }

    /** Makes ListExecutions answer {@code count} executions in {@code status}, each ended at {@code stoppedAt}. */
    public void listsExecutions(String status, int count, Instant stoppedAt) {
        StringBuilder executions = new StringBuilder();
        for (int i = 0; i < count; i++) {
            executions.append(i == 0 ? "" : ",").append("{\"executionArn\":\"arn:aws:states:eu-west-1:000000000000:")
                    .append("execution:orders:o").append(i).append("\",\"stateMachineArn\":\"")
                    .append(TestStack.STATE_MACHINE_ARN).append("\",\"name\":\"o").append(i)
                    .append("\",\"status\":\"").append(status).append("\",\"startDate\":")
                    .append(stoppedAt.getEpochSecond() - 60)
                    .append(status.equals("RUNNING") ? "" : ",\"stopDate\":"
                            + stoppedAt.getEpochSecond()).append("}");
        }
        server.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo("AWSStepFunctions.ListExecutions"))
                .withRequestBody(matchingJsonPath("$.statusFilter",
                        equalTo(status)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withBody("{\"executions\":[" + executions + "]}")));
    }

    public List<JsonNode> requests(String operation) {
        List<JsonNode> bodies = new ArrayList<>();
        server.findAll(postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo("AWSStepFunctions." + operation)))
                .forEach(r -> {
                    try {
                        bodies.add(Json.MAPPER.readTree(r.getBodyAsString()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        return bodies;
    }

    public List<String> startedExecutionNames() {
        return requests("StartExecution").stream().map(b -> b.path("name").asText()).toList();
    }

    public List<String> resumedTokens() {
        return requests("SendTaskSuccess").stream().map(b -> b.path("taskToken").asText()).toList();
    }

    public List<JsonNode> failures() {
        return requests("SendTaskFailure");
    }
}
