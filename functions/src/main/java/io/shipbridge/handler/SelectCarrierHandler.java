package io.shipbridge.handler;

import com.amazonaws.services.lambda.runtime.Context;
import io.shipbridge.app.Components;
import io.shipbridge.fulfilment.CarrierAssignment;
import io.shipbridge.order.CarrierChoice;

/** State machine task: weighs the order and picks its carrier from the rules. */
public final class SelectCarrierHandler extends TaskHandler<OrderTask, CarrierChoice> {
    private final CarrierAssignment assignment;

    public SelectCarrierHandler() {
        this(Components.fromEnvironment());
    }

    public SelectCarrierHandler(Components components) {
        super(OrderTask.class, components);
        this.assignment = components.carrierAssignment();
    }

    @Override
    CarrierChoice handle(OrderTask task, Context context) {
        return assignment.assign(task.orderId());
    }
}
