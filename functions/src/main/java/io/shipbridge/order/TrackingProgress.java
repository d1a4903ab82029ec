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

    /**
     * This progress with one more carrier event folded in, as the order's view folds it: the latest status moves
     * only forward in the carrier's event time; the first scan (any scan or a delivery) and the delivery are kept
     * once, the first report winning.
     */
    public TrackingProgress with(String eventStatus, String eventRawCode, Instant occurredAt, boolean scan,
            boolean delivery) {
        Instant scannedAt = firstScanAt != null || !(scan || delivery) ? firstScanAt : occurredAt;
        Instant delivered = deliveredAt != null || !delivery ? deliveredAt : occurredAt;
        boolean newest = lastEventAt == null || lastEventAt.isBefore(occurredAt);
        return newest ? new TrackingProgress(eventStatus, eventRawCode, occurredAt, scannedAt, delivered)
                : new TrackingProgress(status, rawCode, lastEventAt, scannedAt, delivered);
    }

    public boolean scanned() {
        return firstScanAt != null;
    }

    public boolean delivered() {
        return deliveredAt != null;
    }
}
