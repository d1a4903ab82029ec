package io.shipbridge.order;

/** No order with this id is known to Shipbridge. */
public class OrderNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OrderNotFoundException(String orderId) {
        super("No order " + orderId);
    }
}
