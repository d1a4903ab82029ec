package io.shipbridge.handler;

import com.amazonaws.services.lambda.runtime.Context;
import io.shipbridge.app.Components;
import io.shipbridge.fulfilment.FaultRecovery;

/**
 * State machine task, on a passing fault a step's quick retries did not outlast: how long the order waits and which
 * step it then resumes; fails with RecoveryExhaustedException once the fault has lasted the recovery window.
 */
public final class ScheduleRetryHandler extends TaskHandler<ScheduleRetryHandler.Fault, FaultRecovery.Plan> {
    private final FaultRecovery recovery;

    /** {@code {"orderId": "...", "error": {"Error": "...", "Cause": "..."}}} */
    public record Fault(String orderId, CaughtError error) {

        public Fault {
            if (orderId == null || orderId.isBlank()) {
                throw new IllegalArgumentException("A retry needs the orderId");
            }
        }
    }

    public ScheduleRetryHandler() {
        this(Components.fromEnvironment());
    }

    public ScheduleRetryHandler(Components components) {
        super(Fault.class, components);
        this.recovery = components.faultRecovery();
    }

    @Override
    String orderIdOf(Fault request) {
        return request.orderId();
    }

    @Override
    FaultRecovery.Plan handle(Fault fault, Context context) {
        return recovery.schedule(fault.orderId(), (fault.error() == null ? CaughtError.NONE : fault.error()).reason());
    }
}
