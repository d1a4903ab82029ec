package io.shipbridge.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.shipbridge.app.Components;
import io.shipbridge.fulfilment.FailureRecording;
import io.shipbridge.order.OrderState;

/** State machine task, on a Catch: the order moves to the FAILED_* state of the step that failed. */
public final class RecordFailureHandler extends TaskHandler<RecordFailureHandler.Failure, StepResult> {
    private final FailureRecording recording;

    /** {@code {"orderId": "...", "failedState": "FAILED_POST", "error": {"Error": "...", "Cause": "..."}}} */
    public record Failure(String orderId, OrderState failedState, CaughtError error) {

        public Failure {
            if (orderId == null || failedState == null) {
                throw new IllegalArgumentException("A failure report needs orderId and failedState");
            }
        }
    }

    /** The error output of a Catch, as Step Functions writes it. */
    public record CaughtError(@JsonProperty("Error") String error, @JsonProperty("Cause") String cause) {
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
        StepResult result = StepResult.of(recording.record(failure.orderId(), failure.failedState(), error.error(),
                error.cause()));
        metrics.orderFailed(failure.failedState());
        return result;
    }
}
