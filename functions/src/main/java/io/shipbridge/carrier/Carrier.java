package io.shipbridge.carrier;

import java.util.List;
import java.util.Optional;

/**
 * One carrier, behind the operations Shipbridge needs. Each implementation keeps its request/response mapping
 * (pure, testable from recorded payloads) apart from the I/O that carries it.
 */
public interface Carrier {

    /** The carrier id used in rules, keys and webhook URLs, e.g. {@code tipsa}. */
    default String id() {
        return profile().id();
    }

    /** Its name and public tracking page. */
    CarrierProfile profile();

    /**
     * Creates a shipment and returns its tracking number and label. Not idempotent at the carrier: callers look the
     * shipment up by reference first ({@link #findShipment}).
     */
    CreatedShipment createShipment(ShipmentRequest request);

    /** The shipment created earlier under this reference, with its label, if the carrier has one. */
    Optional<CreatedShipment> findShipment(String reference);

    /** Every event the carrier has for the shipment, oldest first. */
    List<TrackingEvent> track(String trackingNumber);

    /** Whether {@link #cancel} is available. */
    boolean canCancel();

    /**
     * Cancels a shipment not yet picked up.
     *
     * @throws UnsupportedOperationException when the carrier has no cancellation ({@link #canCancel()} is false)
     */
    void cancel(String trackingNumber);

    /**
     * Reads the events of a webhook whose signature was already verified.
     *
     * @throws MalformedWebhookException when the body is not what this carrier sends
     */
    List<TrackingEvent> parseWebhook(byte[] body);
}
