package io.shipbridge.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.app.Components;
import io.shipbridge.config.Json;
import io.shipbridge.fulfilment.FetchOrders;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.operations.OperationStatus;
import io.shipbridge.storage.FetchCursorStore;
import io.shipbridge.testing.TestStack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HealthCheckTest {
    /** A day no other test writes operations rows on (the table is shared). */
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    @RegisterExtension
    static final TestStack STACK = new TestStack();

    @Test
    void tellsReachabilityFromEachLastCallOfTheHourAndNamesEveryProblem() {
        STACK.clock().set(NOW);
        Components components = STACK.components();
        components.operations().record(call(NOW.minusSeconds(600), "mirakl", null, OperationStatus.OK, 200));
        components.operations().record(call(NOW.minusSeconds(300), "carrier", "tipsa", OperationStatus.OK, 200));
        components.operations().record(call(NOW.minusSeconds(120), "carrier", "tipsa", OperationStatus.RETRY, 503));
        // Not a call: a row for someone to act on; it says nothing of whether TIPSA answers.
        components.operations().record(new OperationRecord(NOW.minusSeconds(60), "carrier", "void_shipment_by_hand",
                "H-1", "tipsa", OperationStatus.ERROR, "void it by hand", Map.of("trackingNumber", "1")));
        new FetchCursorStore(STACK.aws().dynamoDb(), STACK.settings().get("TABLE_NAME")).recordRun(FetchOrders.CURSOR,
                new FetchCursorStore.LastRun(NOW.minusSeconds(30), "schedule", false, "MiraklUnavailableException"));
        STACK.stepFunctions().listsExecutions("RUNNING", 7, NOW);
        STACK.stepFunctions().listsExecutions("FAILED", 2, NOW.minusSeconds(600));
        STACK.aws().sqs().sendMessage(m -> m.queueUrl(STACK.settings().get("TRACKING_DEAD_LETTER_QUEUE_URL"))
                .messageBody("{}"));

        ApiResponse response = components.operatorApi().handle(new ApiRequest("GET /api/v1/health", null, null,
                null, "test"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode health = Json.MAPPER.valueToTree(response.body());
        assertThat(health.path("status").asText()).isEqualTo("degraded");
        List<String> problems = new ArrayList<>();
        health.path("problems").forEach(problem -> problems.add(problem.asText()));
        assertThat(problems).contains("the last fetch failed", "tipsa did not answer its last call",
                "2 executions failed in the last hour")
                .anySatisfy(p -> assertThat(p).endsWith("tracking updates in the dead-letter queue"));
        assertThat(health.path("mirakl").path("reachable").asBoolean()).isTrue();
        assertThat(health.path("carriers").path("tipsa").path("reachable").isBoolean()).isTrue();
        assertThat(health.path("carriers").path("tipsa").path("reachable").asBoolean()).isFalse();
        assertThat(health.path("carriers").path("tipsa").path("lastCall").path("status").asText()).isEqualTo("RETRY");
        assertThat(health.path("executions").path("running").asInt()).isEqualTo(7);
        assertThat(health.path("executions").path("failedLastHour").asInt()).isEqualTo(2);
    }

    private static OperationRecord call(Instant at, String scope, String carrier, OperationStatus status, int http) {
        return new OperationRecord(at, scope, "track", null, carrier, status, "answered " + http,
                Map.of("attempt", 1, "http_status", http, "duration_ms", 40));
    }
}
