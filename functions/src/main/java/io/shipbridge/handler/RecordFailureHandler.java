package io.shipbridge.handler;

import com.amazonaws.services.lambda.runtime.Context;
import io.shipbridge.app.Components;
import io.shipbridge.fulfilment.FailureRecording;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;

/** State machine task, on a Catch: the order moves to the FAILED_* state of the step that failed. */
public final class RecordFailureHandler extends TaskHandler<RecordFailureHandler.Failure, StepResult> {
    private final FailureRecording recording;

    /**
     * {@code {"orderId": "...", "failedState": "FAILED_POST", "error": {"Error": "...", "Cause": "..."}}}; without
     * failedState, the failure of the step the order is at.
     */
    public record Failure(String orderId, OrderState failedState, CaughtError error) {

        public Failure {
            if (orderId == null) {
                throw new IllegalArgumentException("A failure report needs orderId");
            }
        }
    }

    public RecordFailureHandler() {
        this(Components.fromEnvironment());
    }

    public RecordFailureHandler(Components components) {
        super(Failure.class, components);
        this.recording = components.failureRecording();
    }

    @Override
    String orderIdOf(Failure request) {
        return request.orderId();
    }

    @Override
    StepResult handle(Failure failure, Context context) {
        CaughtError error = failure.error() == null ? new CaughtError(null, null) : failure.error();
        OrderView order = recording.record(failure.orderId(), failure.failedState(), error.error(), error.cause());
        if (order.state().isFailure()) {
            metrics.orderFailed(order.state());
        }
        return StepResult.of(order);
    }
}
