package io.shipbridge.handler;

import com.amazonaws.services.lambda.runtime.Context;
import io.shipbridge.app.Components;
import io.shipbridge.fulfilment.OrderAcceptance;
import io.shipbridge.fulfilment.WaitRegistration;
import io.shipbridge.order.OrderState;
import io.shipbridge.workflow.WaitKind;

/**
 * State machine task ({@code .waitForTaskToken}): accepts the order on Mirakl (OR21), then stores the token of the
 * wait for SHIPPING, which FetchOrders sends back (or this function, when Mirakl got there first).
 */
public final class AcceptOrderHandler extends TaskHandler<CallbackTask, StepResult> {
    private final OrderAcceptance acceptance;
    private final WaitRegistration registration;

    public AcceptOrderHandler() {
        this(Components.fromEnvironment());
    }

    public AcceptOrderHandler(Components components) {
        super(CallbackTask.class, components);
        this.acceptance = components.orderAcceptance();
        this.registration = components.waitRegistration();
    }

    @Override
    StepResult handle(CallbackTask task, Context context) {
        if (acceptance.accept(task.orderId()).state() == OrderState.ACCEPTED) {
            metrics.orderAccepted();
        }
        return StepResult.of(registration.register(task.orderId(), WaitKind.SHIPPING, task.taskToken()));
    }
}
