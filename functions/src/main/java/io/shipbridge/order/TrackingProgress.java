package io.shipbridge.order;

import java.time.Instant;

/**
 * What the carrier has reported for an order's shipment so far.
 *
 * @param status      normalized status of the newest event (by the carrier's event time)
 * @param rawCode     the carrier's own code for that event
 * @param firstScanAt when the carrier first had the parcel in hand, if it has
 * @param deliveredAt when the carrier reported delivery, if it has
 */
public record TrackingProgress(String status, String rawCode, Instant lastEventAt, Instant firstScanAt,
        Instant deliveredAt) {

    public boolean scanned() {
        return firstScanAt != null;
    }

    public boolean delivered() {
        return deliveredAt != null;
    }
}
