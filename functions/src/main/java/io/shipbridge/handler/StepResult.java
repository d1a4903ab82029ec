package io.shipbridge.handler;

import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;

/** What a state machine task answers: the order and the state it is in now. */
public record StepResult(String orderId, OrderState state) {

    static StepResult of(OrderView view) {
        return new StepResult(view.orderId(), view.state());
    }
}
