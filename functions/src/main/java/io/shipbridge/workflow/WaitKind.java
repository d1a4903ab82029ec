package io.shipbridge.workflow;

import io.shipbridge.order.OrderState;

/** What an order's execution can be waiting for, and the state that ends each wait. */
public enum WaitKind {
    /** Mirakl has debited the customer and the order is in SHIPPING, with its address. */
    SHIPPING(OrderState.PENDING_POST),
    /** The carrier scanned the parcel for the first time. */
    FIRST_SCAN(OrderState.TRACKED),
    /** The carrier delivered the parcel. */
    DELIVERY(OrderState.COMPLETE);

    private final OrderState reached;

    WaitKind(OrderState reached) {
        this.reached = reached;
    }

    /** The order state from which this wait is over. */
    public OrderState endsAt() {
        return reached;
    }
}
