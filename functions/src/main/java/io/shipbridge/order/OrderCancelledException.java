package io.shipbridge.order;

/** The order was cancelled (by Mirakl, or refused) while it was being fulfilled: the workflow stops cleanly. */
public class OrderCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OrderCancelledException(String orderId) {
        super("Order " + orderId + " is cancelled");
    }
}
