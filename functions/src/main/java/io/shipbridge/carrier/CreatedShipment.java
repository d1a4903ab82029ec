package io.shipbridge.carrier;

/**
 * A shipment that exists at the carrier.
 *
 * @param carrierShipmentId the carrier's own id when it is not the tracking number (may be null)
 * @param label             the label when the carrier gave it with the shipment, else null
 */
public record CreatedShipment(String trackingNumber, String carrierShipmentId, Label label) {

    /** A shipment known by its ids only (its label not fetched). */
    public static CreatedShipment of(String trackingNumber, String carrierShipmentId) {
        return new CreatedShipment(trackingNumber, carrierShipmentId, null);
    }
}
