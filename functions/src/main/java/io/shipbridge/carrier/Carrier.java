package io.shipbridge.carrier;

import java.util.List;
import java.util.Optional;

/**
 * One carrier's client: the calls Shipbridge makes to it. Built by its {@link CarrierModule}; each implementation
 * keeps its request/response mapping (pure, testable from recorded payloads) apart from the I/O that carries it, and
 * fails only with the shared {@link CarrierUnavailableException} (worth retrying) or {@link CarrierRejectedException}
 * (not), so the state machine never names a carrier.
 */
public interface Carrier {

    /** The carrier id used in rules, keys and webhook URLs, e.g. {@code tipsa}. */
    default String id() {
        return profile().id();
    }

    /** Its name and public tracking page. */
    CarrierProfile profile();

    /**
     * Creates a shipment. Its label comes with it when the carrier answers with one, else {@link #label} fetches it.
     * Not idempotent at the carrier: callers look the shipment up by reference first ({@link #findShipment}).
     */
    CreatedShipment createShipment(ShipmentRequest request);

    /**
     * The shipment created earlier under this reference, if the carrier has one.
     *
     * @throws CarrierRejectedException when the reference has more than one shipment (to be resolved by hand)
     */
    Optional<CreatedShipment> findShipment(String reference);

    /** The label of a shipment (of the order {@code orderId}), as printer-ready bytes. */
    Label label(CreatedShipment shipment, String orderId);

    /** Every event the carrier has for the shipment, oldest first. */
    List<TrackingEvent> track(String trackingNumber);

    /** Whether {@link #cancel} is available. */
    boolean canCancel();

    /**
     * Cancels a shipment (of the order {@code orderId}) not yet picked up; one the carrier no longer has counts as
     * cancelled.
     *
     * @throws UnsupportedOperationException when the carrier has no cancellation ({@link #canCancel()} is false)
     * @throws CarrierRejectedException      when the carrier refuses (picked up already, for instance)
     */
    void cancel(CreatedShipment shipment, String orderId);

    /** How the day's shipments are handed over at the cut-off, when this carrier needs that; empty when it collects without. */
    default Optional<DailyHandover> dailyHandover() {
        return Optional.empty();
    }
}
