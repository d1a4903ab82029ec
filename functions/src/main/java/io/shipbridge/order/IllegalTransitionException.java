package io.shipbridge.order;

/** A transition the lifecycle does not allow. Nothing was written. */
public class IllegalTransitionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IllegalTransitionException(String orderId, OrderState from, OrderState to) {
        super("Order " + orderId + " cannot move from " + from + " to " + to + "; allowed from " + from + ": "
                + from.nextStates());
    }
}
