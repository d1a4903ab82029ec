package io.shipbridge.handler;

import com.amazonaws.services.lambda.runtime.Context;
import io.shipbridge.app.Components;
import io.shipbridge.fulfilment.WaitRegistration;
import io.shipbridge.workflow.WaitKind;

/**
 * State machine task ({@code .waitForTaskToken}): stores the token of a callback wait. The execution resumes when
 * someone sends the token back, which this function does itself when the wait is already over.
 */
public final class RegisterCallbackHandler
        extends TaskHandler<RegisterCallbackHandler.Registration, StepResult> {
    private final WaitRegistration registration;

    /** {@code {"orderId": "...", "waitFor": "SHIPPING|FIRST_SCAN|DELIVERY", "taskToken": "..."}} */
    public record Registration(String orderId, WaitKind waitFor, String taskToken) {

        public Registration {
            if (orderId == null || waitFor == null || taskToken == null || taskToken.isBlank()) {
                throw new IllegalArgumentException("A callback registration needs orderId, waitFor and taskToken");
            }
        }
    }

    public RegisterCallbackHandler() {
        this(Components.fromEnvironment());
    }

    public RegisterCallbackHandler(Components components) {
        super(Registration.class, components);
        this.registration = components.waitRegistration();
    }

    @Override
    String orderIdOf(Registration request) {
        return request.orderId();
    }

    @Override
    StepResult handle(Registration request, Context context) {
        return StepResult.of(registration.register(request.orderId(), request.waitFor(), request.taskToken()));
    }
}
