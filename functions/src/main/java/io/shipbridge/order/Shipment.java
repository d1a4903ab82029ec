package io.shipbridge.order;

import java.time.Instant;

/**
 * The carrier shipment created for an order.
 *
 * @param carrierShipmentId the carrier's own identifier when it differs from the tracking number (TIPSA's GUID)
 * @param labelKey          where the label sits in the label bucket
 */
public record Shipment(
        String carrier,
        String trackingNumber,
        String carrierShipmentId,
        String labelKey,
        String labelFormat,
        Instant createdAt) {
}
