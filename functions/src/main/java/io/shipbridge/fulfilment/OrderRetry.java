package io.shipbridge.fulfilment;

import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.order.StatusChange;
import io.shipbridge.order.TransitionRequest;
import io.shipbridge.storage.OrderStore;
import io.shipbridge.workflow.ExecutionInput;
import io.shipbridge.workflow.OrderWorkflow;
import io.shipbridge.workflow.WorkflowStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An operator's retry of a FAILED_* order: the order goes back to the state it failed from and a new execution
 * resumes it at the step that failed. The steps reuse what exists (a shipment is found at the carrier under the
 * order's reference and adopted, an OR21/OR23/OR24 already done is not sent again), so a retry never does anything
 * twice. Asking again for the same retry starts nothing new.
 */
public final class OrderRetry {
    private static final String RETRY_ACTION = "operator-retry";

    private final OrderStore orders;
    private final OrderWorkflow workflow;

    public OrderRetry(OrderStore orders, OrderWorkflow workflow) {
        this.orders = orders;
        this.workflow = workflow;
    }

    /** @param execution the execution that resumes the order */
    public record Retried(OrderView order, String step, String execution) {
    }

    /** The order cannot be retried in its state: nothing was changed. */
    public static final class NotRetryableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotRetryableException(String message) {
            super(message);
        }
    }

    /**
     * @param operator who asks (the caller's identity), kept in the status history
     * @param why      the operator's reason, kept in the status history
     * @throws NotRetryableException when the order is not in a FAILED_* state (and was not just retried)
     */
    public Retried retry(String orderId, String operator, String why) {
        OrderView view = orders.get(orderId);
        if (!view.state().isFailure()) {
            return lastRetry(view).orElseThrow(() -> new NotRetryableException("Order " + orderId + " is "
                    + view.state() + ", not in a FAILED_* state: there is nothing to retry"));
        }
        WorkflowStep step = WorkflowStep.of(view).orElseThrow(() -> new NotRetryableException("Order " + orderId
                + " failed from no step a retry can resume"));
        OrderState back = view.previousState();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("action", RETRY_ACTION);
        details.put("resumeAt", step.stateName());
        details.put("failureReason", String.valueOf(view.failureReason()));
        OrderView moved = orders.transition(view, TransitionRequest.to(back, "operator:" + operator,
                "Retried by an operator" + (why == null || why.isBlank() ? "" : ": " + why)).withDetails(details));
        return start(moved, step);
    }

    /** The retry just made, asked again: its execution is (re)started under the same name, so it runs once. */
    private Optional<Retried> lastRetry(OrderView view) {
        List<StatusChange> history = orders.history(view.orderId());
        StatusChange last = history.isEmpty() ? null : history.get(history.size() - 1);
        if (last == null || last.sequence() != view.version() || !RETRY_ACTION.equals(last.details().get("action"))) {
            return Optional.empty();
        }
        return Optional.of(start(view, WorkflowStep.named(last.details().get("resumeAt")).orElseThrow()));
    }

    private Retried start(OrderView order, WorkflowStep step) {
        String name = workflow.start(ExecutionInput.resumeAt(order.orderId(), step),
                OrderWorkflow.retryExecutionName(order.orderId(), order.version()));
        orders.recordExecution(order.orderId(), name);
        return new Retried(order, step.stateName(), name);
    }
}
