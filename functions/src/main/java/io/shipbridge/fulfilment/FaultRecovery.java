package io.shipbridge.fulfilment;

import io.shipbridge.metrics.OrderMetrics;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.operations.OperationStatus;
import io.shipbridge.operations.OperationsLog;
import io.shipbridge.order.OrderCancelledException;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.order.Recovery;
import io.shipbridge.storage.OrderStore;
import io.shipbridge.workflow.WorkflowStep;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Keeps an order alive through a passing fault (a carrier or Mirakl down, throttling, a lost answer) once a step's
 * quick retries are spent: the order waits, each time longer, and resumes the step it is at; only when the fault
 * has lasted the whole recovery window does it fail. Each wait is recorded on the order and in the operations log.
 */
public final class FaultRecovery {
    private static final Duration AN_HOUR = Duration.ofHours(1);

    private final OrderStore orders;
    private final OperationsLog operations;
    private final OrderMetrics metrics;
    private final Clock clock;
    private final Settings settings;
    private final DoubleSupplier random;

    /**
     * @param firstDelay the first wait; each next one doubles, up to {@code maxDelay}
     * @param window     how long a fault may last before the order fails
     */
    public record Settings(Duration firstDelay, Duration maxDelay, Duration window) {

        public Settings {
            if (firstDelay.toSeconds() < 1 || maxDelay.compareTo(firstDelay) < 0 || window.compareTo(firstDelay) < 0) {
                throw new IllegalStateException("RECOVERY_FIRST_DELAY_SECONDS must be at least 1, and at most"
                        + " RECOVERY_MAX_DELAY_SECONDS and RECOVERY_WINDOW_HOURS; were " + firstDelay.toSeconds()
                        + " s, " + maxDelay.toSeconds() + " s, " + window.toHours() + " h");
            }
        }
    }

    /** The next attempt: the step to resume and how long to wait before. */
    public record Plan(String at, long waitSeconds, int attempt) {
    }

    public FaultRecovery(OrderStore orders, OperationsLog operations, OrderMetrics metrics, Clock clock,
            Settings settings, DoubleSupplier random) {
        this.orders = orders;
        this.operations = operations;
        this.metrics = metrics;
        this.clock = clock;
        this.settings = settings;
        this.random = random;
    }

    /**
     * @param error the fault, as the state machine caught it (reason text)
     * @throws RecoveryExhaustedException when the fault has lasted the whole window
     */
    public Plan schedule(String orderId, String error) {
        OrderView view = orders.get(orderId);
        if (view.state() == OrderState.CANCELLED) {
            throw new OrderCancelledException(orderId);
        }
        WorkflowStep step = WorkflowStep.of(view).filter(s -> !view.state().isFailure()).orElseThrow(() ->
                new IllegalStateException("Order " + orderId + " is " + view.state() + ": no step to retry"));
        Instant now = clock.instant();
        Recovery previous = view.recovery() != null && view.recovery().step().equals(step.stateName())
                ? view.recovery() : null;
        Instant since = previous == null ? now : previous.since();
        int attempts = previous == null ? 0 : previous.attempts();
        Duration elapsed = Duration.between(since, now);
        if (elapsed.compareTo(settings.window()) >= 0) {
            String message = step.stateName() + " kept failing for " + hours(elapsed) + " (" + attempts
                    + " retries after the quick ones), longer than the recovery window of "
                    + hours(settings.window()) + "; last error: " + error;
            log(orderId, "retries_exhausted", OperationStatus.ERROR, message, Map.of("step", step.stateName(),
                    "attempts", attempts));
            throw new RecoveryExhaustedException(message);
        }
        Duration wait = delay(attempts, settings.window().minus(elapsed));
        Instant next = now.plus(wait);
        orders.recordRecovery(view, new Recovery(step.stateName(), since, attempts + 1, next, error));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("step", step.stateName());
        meta.put("attempt", attempts + 1);
        meta.put("wait_s", wait.toSeconds());
        meta.put("since", since.toString());
        log(orderId, "retry_scheduled", OperationStatus.RETRY, step.stateName() + " retried in " + wait.toSeconds()
                + " s: " + error, meta);
        metrics.retryScheduled();
        Instant anHourIn = since.plus(AN_HOUR);
        if (next.isAfter(anHourIn) && (previous == null || !previous.nextAttemptAt().isAfter(anHourIn))) {
            metrics.recoveryPastAnHour();
        }
        return new Plan(step.stateName(), wait.toSeconds(), attempts + 1);
    }

    /**
     * The first delay doubled per attempt, up to the largest; half of it fixed and half at random, so that orders
     * held up by the same outage do not all come back at the same instant. Never past the end of the window.
     */
    private Duration delay(int attempts, Duration left) {
        long ceiling = settings.firstDelay().toSeconds() << Math.min(attempts, 30);
        long seconds = Math.min(ceiling, settings.maxDelay().toSeconds());
        seconds = seconds / 2 + Math.round(random.getAsDouble() * (seconds - seconds / 2));
        return Duration.ofSeconds(Math.max(1, Math.min(seconds, left.toSeconds())));
    }

    private void log(String orderId, String action, OperationStatus status, String message, Map<String, Object> meta) {
        operations.record(new OperationRecord(clock.instant(), "workflow", action, orderId, null, status, message,
                meta));
    }

    private static String hours(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes < 120 ? minutes + " min" : (minutes / 60) + " h";
    }
}
