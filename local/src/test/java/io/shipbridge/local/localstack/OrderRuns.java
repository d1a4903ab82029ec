package io.shipbridge.local.localstack;

import io.shipbridge.app.Components;
import io.shipbridge.local.stories.StoryOutcome;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.workflow.OrderWorkflow;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The deployed stack's orders as a story reads them: each order's view and history from the deployed table, its
 * execution from LocalStack's Step Functions. Waits are deadlines that fail with what was still awaited and why the
 * schedules may have stalled, never sleeps tuned to this machine's speed.
 */
final class OrderRuns {
    private static final Duration POLL = Duration.ofSeconds(2);

    private final Components components;
    private final SfnClient sfn;
    private final String stateMachineArn;
    private final Supplier<String> schedulesFailing;

    OrderRuns(Components components, SfnClient sfn, String stateMachineArn, Supplier<String> schedulesFailing) {
        this.components = components;
        this.sfn = sfn;
        this.stateMachineArn = stateMachineArn;
        this.schedulesFailing = schedulesFailing;
    }

    Optional<OrderState> state(String orderId) {
        return components.orders().find(orderId).map(OrderView::state);
    }

    OrderView view(String orderId) {
        return components.orders().get(orderId);
    }

    /** A label as the bucket holds it. */
    byte[] label(String key) {
        return components.labels().get(key);
    }

    /** The execution of that name, or empty before it starts. */
    Optional<DescribeExecutionResponse> execution(String executionName) {
        String arn = stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + executionName;
        try {
            return Optional.of(sfn.describeExecution(d -> d.executionArn(arn)));
        } catch (ExecutionDoesNotExistException notYet) {
            return Optional.empty();
        }
    }

    /** How the order and its (first) execution ended, once it has. */
    Optional<StoryOutcome.Ended> ended(String orderId) {
        return ended(orderId, OrderWorkflow.executionName(orderId));
    }

    Optional<StoryOutcome.Ended> ended(String orderId, String executionName) {
        return execution(executionName).filter(run -> run.status() != ExecutionStatus.RUNNING)
                .map(run -> new StoryOutcome.Ended(view(orderId), components.orders().history(orderId),
                        run.status().toString(), run.error()));
    }

    /**
     * Waits until every order's execution has ended, or the deadline; returns how each that ended did (a story
     * missing from it then says, in its own test, where its order stands: {@link #whereItStands}).
     */
    Map<String, StoryOutcome.Ended> awaitEnded(Collection<String> orderIds, Duration within)
            throws InterruptedException {
        Map<String, StoryOutcome.Ended> ended = new LinkedHashMap<>();
        long deadline = System.nanoTime() + within.toNanos();
        while (ended.size() < orderIds.size() && System.nanoTime() < deadline) {
            for (String id : orderIds) {
                if (!ended.containsKey(id)) {
                    ended(id).ifPresent(outcome -> ended.put(id, outcome));
                }
            }
            Thread.sleep(POLL.toMillis());
        }
        return ended;
    }

    /** Waits until the execution of that name has ended, and returns how it did. */
    StoryOutcome.Ended awaitEnded(String orderId, String executionName, Duration within) throws InterruptedException {
        await(within, () -> ended(orderId, executionName).isPresent(),
                () -> "execution " + executionName + " still running: " + whereItStands(orderId));
        return ended(orderId, executionName).orElseThrow();
    }

    /** The order's state and its execution's, for a message. */
    String whereItStands(String orderId) {
        return orderId + " is " + state(orderId).map(Enum::name).orElse("not taken in") + ", its execution "
                + execution(OrderWorkflow.executionName(orderId)).map(run -> run.statusAsString())
                        .orElse("not started") + "; schedules failing: " + schedulesFailing.get();
    }

    /** Waits until the order is in {@code expected}. */
    void awaitState(String orderId, OrderState expected, Duration within) throws InterruptedException {
        await(within, () -> state(orderId).filter(expected::equals).isPresent(),
                () -> "not " + expected + ": " + whereItStands(orderId));
    }

    /** Waits until every one of the orders is in {@code expected}. */
    void awaitState(List<String> orderIds, OrderState expected, Duration within) throws InterruptedException {
        await(within, () -> orderIds.stream().allMatch(id -> state(id).filter(expected::equals).isPresent()),
                () -> "not " + expected + ": " + orderIds.stream().filter(id -> state(id).filter(expected::equals)
                        .isEmpty()).map(this::whereItStands).toList());
    }

    private void await(Duration within, Supplier<Boolean> done, Supplier<String> awaited)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!done.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + within.toMinutes() + " minutes: " + awaited.get());
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
