package io.shipbridge.carrier;

/**
 * A shipment that exists at the carrier, with its label.
 *
 * @param carrierShipmentId the carrier's own id when it is not the tracking number (may be null)
 */
public record CreatedShipment(String trackingNumber, String carrierShipmentId, Label label) {
}
