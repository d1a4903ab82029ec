package io.shipbridge.handler;

import com.amazonaws.services.lambda.runtime.Context;
import io.shipbridge.app.Components;
import io.shipbridge.fulfilment.TrackingPublication;
import io.shipbridge.fulfilment.WaitRegistration;
import io.shipbridge.order.OrderState;
import io.shipbridge.workflow.WaitKind;

/**
 * State machine task ({@code .waitForTaskToken}): sends the tracking to Mirakl (OR23) and confirms the shipment
 * (OR24), then stores the token of the wait for delivery, which TrackingConsumer sends back (or this function, when
 * the carrier reported delivery first).
 */
public final class PushTrackingHandler extends TaskHandler<CallbackTask, StepResult> {
    private final TrackingPublication publication;
    private final WaitRegistration registration;

    public PushTrackingHandler() {
        this(Components.fromEnvironment());
    }

    public PushTrackingHandler(Components components) {
        super(CallbackTask.class, components);
        this.publication = components.trackingPublication();
        this.registration = components.waitRegistration();
    }

    @Override
    StepResult handle(CallbackTask task, Context context) {
        if (publication.publish(task.orderId()).state() == OrderState.MIRAKL_OK) {
            metrics.trackingPushed();
        }
        return StepResult.of(registration.register(task.orderId(), WaitKind.DELIVERY, task.taskToken()));
    }
}
