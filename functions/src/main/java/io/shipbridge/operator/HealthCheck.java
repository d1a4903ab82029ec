package io.shipbridge.operator;

import io.shipbridge.operations.OperationRecord;
import io.shipbridge.operations.OperationStatus;
import io.shipbridge.storage.FetchCursorStore;
import io.shipbridge.storage.OperationsLogStore;
import io.shipbridge.tracking.TrackingQueue;
import io.shipbridge.workflow.OrderWorkflow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * How Shipbridge is doing, from what it already records, without calling Mirakl or a carrier: the last fetch and
 * its result; whether Mirakl and each carrier answered their last call of the past hour; the tracking queue and its
 * dead-letter queue; executions running and failed in the last hour. {@code status} is {@code ok} when nothing of
 * that needs an operator, else {@code degraded} with the reasons.
 */
public final class HealthCheck {
    private static final Duration WINDOW = Duration.ofHours(1);
    private static final int CALLS_LOOKED_AT = 500;
    private static final int EXECUTIONS_COUNTED = 1000;

    private final Supplier<Optional<FetchCursorStore.LastRun>> lastFetch;
    private final OperationsLogStore operations;
    private final TrackingQueue queue;
    private final TrackingQueue deadLetters;
    private final OrderWorkflow workflow;
    private final Collection<String> carriers;
    private final Clock clock;

    public HealthCheck(Supplier<Optional<FetchCursorStore.LastRun>> lastFetch, OperationsLogStore operations,
            TrackingQueue queue, TrackingQueue deadLetters, OrderWorkflow workflow, Collection<String> carriers,
            Clock clock) {
        this.lastFetch = lastFetch;
        this.operations = operations;
        this.queue = queue;
        this.deadLetters = deadLetters;
        this.workflow = workflow;
        this.carriers = List.copyOf(carriers);
        this.clock = clock;
    }

    public Map<String, Object> check() {
        Instant now = clock.instant();
        Map<String, Object> health = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Optional<FetchCursorStore.LastRun> fetch = lastFetch.get();
        health.put("lastFetch", fetch.<Object>map(run -> run).orElse("never"));
        if (fetch.isEmpty() || !fetch.get().ok()) {
            problems.add(fetch.isEmpty() ? "no fetch has run yet" : "the last fetch failed");
        }
        List<OperationRecord> calls = operations.latest(now, now.minus(WINDOW), CALLS_LOOKED_AT);
        Map<String, Object> mirakl = reachability(calls, "mirakl", null);
        health.put("mirakl", mirakl);
        Map<String, Object> byCarrier = new LinkedHashMap<>();
        for (String carrier : carriers) {
            byCarrier.put(carrier, reachability(calls, "carrier", carrier));
        }
        health.put("carriers", byCarrier);
        Map<String, Object> reach = new LinkedHashMap<>(byCarrier);
        reach.put("mirakl", mirakl);
        reach.forEach((who, state) -> {
            if (Boolean.FALSE.equals(((Map<?, ?>) state).get("reachable"))) {
                problems.add(who + " did not answer its last call");
            }
        });
        long waiting = queue.depth();
        long dead = deadLetters.depth();
        health.put("queues", Map.of("tracking", waiting, "trackingDeadLetters", dead));
        if (dead > 0) {
            problems.add(dead + " tracking updates in the dead-letter queue");
        }
        int failed = workflow.countExecutions(ExecutionStatus.FAILED, now.minus(WINDOW), EXECUTIONS_COUNTED);
        health.put("executions", Map.of("running", workflow.countExecutions(ExecutionStatus.RUNNING, null,
                EXECUTIONS_COUNTED), "failedLastHour", failed, "countedUpTo", EXECUTIONS_COUNTED));
        if (failed > 0) {
            problems.add(failed + " executions failed in the last hour");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", problems.isEmpty() ? "ok" : "degraded");
        answer.put("problems", problems);
        answer.put("checkedAt", now);
        answer.putAll(health);
        return answer;
    }

    /**
     * The last call of the past hour to Mirakl or one carrier: unreachable when it was retried or failed without an
     * answer, or with a throttling or server error; unknown when there was no call.
     */
    private static Map<String, Object> reachability(List<OperationRecord> calls, String scope, String carrier) {
        Map<String, Object> state = new LinkedHashMap<>();
        // Calls only: rows of an HTTP exchange carry its duration (webhooks received, rows to act on by hand do not).
        Optional<OperationRecord> last = calls.stream().filter(r -> r.scope().equals(scope)
                && (carrier == null || carrier.equals(r.carrier())) && r.meta().containsKey("duration_ms"))
                .findFirst();
        if (last.isEmpty()) {
            state.put("reachable", null);
            state.put("note", "no call in the last hour");
            return state;
        }
        OperationRecord call = last.get();
        Object http = call.meta().get("http_status");
        int status = http instanceof Number n ? n.intValue() : 0;
        boolean failedToAnswer = call.status() == OperationStatus.RETRY || (call.status() == OperationStatus.ERROR
                && (status == 0 || status == 429 || status >= 500));
        state.put("reachable", !failedToAnswer);
        state.put("lastCall", Map.of("at", call.timestamp(), "action", call.action(), "status", call.status(),
                "message", String.valueOf(call.message())));
        return state;
    }
}
