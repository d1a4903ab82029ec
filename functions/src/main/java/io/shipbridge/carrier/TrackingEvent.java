package io.shipbridge.carrier;

import java.time.Instant;

/**
 * One event of a shipment as the carrier reported it, normalized.
 *
 * @param rawCode     the carrier's own status code, kept next to the normalized status
 * @param description the carrier's wording, if any
 */
public record TrackingEvent(String trackingNumber, String rawCode, String description, TrackingStatus status,
        Instant occurredAt, String location) {
}
