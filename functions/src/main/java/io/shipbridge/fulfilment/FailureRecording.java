package io.shipbridge.fulfilment;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.config.Json;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.order.TransitionRequest;
import io.shipbridge.storage.OrderStore;
import io.shipbridge.workflow.WorkflowStep;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Records why an order's execution failed: the order moves to the matching FAILED_* state, the error as its reason,
 * where an operator sees it and can retry. An order that already ended (cancelled meanwhile) or already failed is
 * left as it is.
 */
public final class FailureRecording {
    private final OrderStore orders;

    public FailureRecording(OrderStore orders) {
        this.orders = orders;
    }

    /**
     * @param failedState the failure state of the step that failed; null for that of the step the order is at
     * @param error       the Step Functions error name (a Java class name, or States.Timeout)
     * @param cause       the Step Functions cause: a Lambda error document, or text
     */
    public OrderView record(String orderId, OrderState failedState, String error, String cause) {
        if (failedState != null && !failedState.isFailure()) {
            throw new IllegalArgumentException(failedState + " is not a failure state");
        }
        String reason = reason(error, cause);
        return orders.transitionIf(orderId, view -> failureFrom(view, failedState).map(state -> {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("error", String.valueOf(error));
            if (failedState != null && state != failedState) {
                details.put("failedStep", failedState.name());
            }
            return TransitionRequest.to(state, Actors.workflow("RecordFailure"), reason).withDetails(details)
                    .withFailureReason(reason);
        })).orElseGet(() -> orders.get(orderId));
    }

    /**
     * The failure to record: the one asked for when the order's lifecycle allows it, else the failure of the step the
     * order is actually at (the execution failed while the order was still, or already, elsewhere), so that a failure
     * is never lost to an illegal move. Nothing for an order that ended, already failed, or is past any failure.
     */
    private static Optional<OrderState> failureFrom(OrderView view, OrderState asked) {
        OrderState current = view.state();
        if (current.isTerminal() || current.isFailure()) {
            return Optional.empty();
        }
        if (asked != null && current.canMoveTo(asked)) {
            return Optional.of(asked);
        }
        return WorkflowStep.of(view).flatMap(WorkflowStep::failure).filter(current::canMoveTo);
    }

    /** The reason to show for a Step Functions error: the exception's message, under the error's short name. */
    public static String reason(String error, String cause) {
        if ("States.Timeout".equals(error)) {
            return "Timed out waiting" + (cause == null || cause.isBlank() ? "" : ": " + cause);
        }
        String message = cause;
        if (cause != null && cause.trim().startsWith("{")) {
            try {
                JsonNode document = Json.MAPPER.readTree(cause);
                if (document.hasNonNull("errorMessage")) {
                    message = document.get("errorMessage").asText();
                }
            } catch (Exception notAnErrorDocument) {
                // Keep the cause as it came.
            }
        }
        String kind = error == null ? "Error" : error.substring(error.lastIndexOf('.') + 1);
        return kind + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
