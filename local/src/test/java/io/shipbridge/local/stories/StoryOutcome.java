package io.shipbridge.local.stories;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.order.StatusChange;
import java.util.List;

/**
 * How an order story must end, whichever cloud runs it: the order's state, its execution's error (none: it
 * succeeded), words its last status change gives as reason, and the carrier that shipped it.
 *
 * @param executionError the Step Functions error the execution failed with; null when it must succeed
 * @param reason         words the reason of the last status change contains; null when any will do
 * @param carrier        the carrier the order's shipment must be with; null when any (or none)
 */
public record StoryOutcome(OrderState state, String executionError, String reason, String carrier) {
    /** Every state of a completed order, in order, each once. */
    public static final List<OrderState> HAPPY_PATH = List.of(OrderState.PENDING_ACCEPTANCE, OrderState.ACCEPTED,
            OrderState.PENDING_POST, OrderState.POSTED, OrderState.AWAITING_TRACKING, OrderState.TRACKED,
            OrderState.MIRAKL_OK, OrderState.COMPLETE);

    /** The order completes. */
    public static StoryOutcome completes() {
        return new StoryOutcome(OrderState.COMPLETE, null, null, null);
    }

    /** The order completes, shipped with this carrier. */
    public static StoryOutcome completesWith(String carrier) {
        return new StoryOutcome(OrderState.COMPLETE, null, null, carrier);
    }

    /** The order is cancelled and its execution ends as a success (the state machine's {@code Cancelled}). */
    public static StoryOutcome cancelled() {
        return new StoryOutcome(OrderState.CANCELLED, null, null, null);
    }

    /** The order ends in {@code state}, its execution failed with {@code error}, its last reason saying {@code reason}. */
    public static StoryOutcome fails(OrderState state, String error, String reason) {
        return new StoryOutcome(state, error, reason, null);
    }

    /** What a cloud read of an order once its execution ended. */
    public record Ended(OrderView view, List<StatusChange> history, String executionStatus, String executionError) {
    }

    /** Checks that the order ended as this outcome says; {@code executionStatus} as Step Functions names it. */
    public void check(String orderId, Ended ended) {
        assertThat(ended.view().state()).as(orderId + "'s state").isEqualTo(state);
        if (executionError == null) {
            assertThat(ended.executionStatus()).as(orderId + "'s execution").isEqualTo("SUCCEEDED");
        } else {
            assertThat(ended.executionStatus()).as(orderId + "'s execution").isEqualTo("FAILED");
            assertThat(ended.executionError()).as(orderId + "'s execution error").isEqualTo(executionError);
        }
        List<OrderState> path = ended.history().stream().map(StatusChange::to).toList();
        assertThat(path).as(orderId + "'s states").endsWith(state).doesNotHaveDuplicates();
        if (state == OrderState.COMPLETE) {
            assertThat(path).as(orderId + "'s states").isEqualTo(HAPPY_PATH);
        }
        if (reason != null) {
            assertThat(ended.history().getLast().reason()).as(orderId + "'s last reason").contains(reason);
        }
        if (carrier != null) {
            assertThat(ended.view().shipment()).as(orderId + "'s shipment").isNotNull();
            assertThat(ended.view().shipment().carrier()).as(orderId + "'s carrier").isEqualTo(carrier);
        }
    }
}
