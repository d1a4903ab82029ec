package io.shipbridge.handler;

import com.amazonaws.services.lambda.runtime.Context;
import io.shipbridge.app.Components;
import io.shipbridge.fulfilment.TrackingPublication;
import io.shipbridge.order.OrderState;

/** State machine task: sends the tracking to Mirakl (OR23) and confirms the shipment (OR24). */
public final class PushTrackingHandler extends TaskHandler<OrderTask, StepResult> {
    private final TrackingPublication publication;

    public PushTrackingHandler() {
        this(Components.fromEnvironment());
    }

    public PushTrackingHandler(Components components) {
        super(OrderTask.class, components);
        this.publication = components.trackingPublication();
    }

    @Override
    StepResult handle(OrderTask task, Context context) {
        StepResult result = StepResult.of(publication.publish(task.orderId()));
        if (result.state() == OrderState.MIRAKL_OK) {
            metrics.trackingPushed();
        }
        return result;
    }
}
