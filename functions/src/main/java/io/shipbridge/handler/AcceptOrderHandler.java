package io.shipbridge.handler;

import com.amazonaws.services.lambda.runtime.Context;
import io.shipbridge.app.Components;
import io.shipbridge.fulfilment.OrderAcceptance;
import io.shipbridge.order.OrderState;

/** State machine task: accepts the order on Mirakl (OR21). */
public final class AcceptOrderHandler extends TaskHandler<OrderTask, StepResult> {
    private final OrderAcceptance acceptance;

    public AcceptOrderHandler() {
        this(Components.fromEnvironment());
    }

    public AcceptOrderHandler(Components components) {
        super(OrderTask.class, components);
        this.acceptance = components.orderAcceptance();
    }

    @Override
    StepResult handle(OrderTask task, Context context) {
        StepResult result = StepResult.of(acceptance.accept(task.orderId()));
        if (result.state() == OrderState.ACCEPTED) {
            metrics.orderAccepted();
        }
        return result;
    }
}
