package io.shipbridge.order;

/**
 * Another writer changed the order between our read and our write, so our transition was refused and nothing was
 * written. Transient: reading the order again and deciding again is the cure.
 */
public class ConcurrentTransitionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConcurrentTransitionException(String orderId, OrderState expected, long expectedVersion, String found) {
        super("Order " + orderId + " changed concurrently: expected " + expected + " at version " + expectedVersion
                + ", found " + found + "; nothing was written");
    }
}
