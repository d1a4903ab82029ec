package io.shipbridge.order;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The carrier shipment created for an order.
 *
 * @param carrierShipmentId the carrier's own identifier when it differs from the tracking number (TIPSA's GUID)
 * @param labelKey          where the label sits in the label bucket
 * @param handoverDay       the day of the cut-off at which it is handed over to a carrier that takes the day's
 *                          shipments together (Canada Post's transmit), null for a carrier that needs none
 */
public record Shipment(
        String carrier,
        String trackingNumber,
        String carrierShipmentId,
        String labelKey,
        String labelFormat,
        Instant createdAt,
        LocalDate handoverDay) {
}
