package io.shipbridge.fulfilment;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.config.Json;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.order.TransitionRequest;
import io.shipbridge.storage.OrderStore;
import java.util.Map;
import java.util.Optional;

/**
 * Records why an order's execution failed: the order moves to the matching FAILED_* state, the error as its reason,
 * where an operator sees it and can retry. An order that already ended (cancelled meanwhile) is left as it is.
 */
public final class FailureRecording {
    private final OrderStore orders;

    public FailureRecording(OrderStore orders) {
        this.orders = orders;
    }

    /**
     * @param error the Step Functions error name (a Java class name, or States.Timeout)
     * @param cause the Step Functions cause: a Lambda error document, or text
     */
    public OrderView record(String orderId, OrderState failedState, String error, String cause) {
        if (!failedState.isFailure()) {
            throw new IllegalArgumentException(failedState + " is not a failure state");
        }
        String reason = reason(error, cause);
        TransitionRequest failed = TransitionRequest.to(failedState, Actors.workflow("RecordFailure"), reason)
                .withDetails(Map.of("error", String.valueOf(error))).withFailureReason(reason);
        return orders.transitionIf(orderId, view -> view.state().isTerminal() || view.state() == failedState
                ? Optional.empty() : Optional.of(failed)).orElseGet(() -> orders.get(orderId));
    }

    static String reason(String error, String cause) {
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
