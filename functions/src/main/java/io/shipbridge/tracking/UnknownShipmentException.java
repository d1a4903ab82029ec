package io.shipbridge.tracking;

/**
 * A tracking event for a shipment no order owns (yet). Left on the queue to be tried again: the event may have
 * overtaken the recording of its shipment; if it never matches, it ends in the dead-letter queue.
 */
public class UnknownShipmentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownShipmentException(String carrier, String trackingNumber) {
        super("No order has " + carrier + " shipment " + trackingNumber);
    }
}
