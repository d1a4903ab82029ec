package io.shipbridge.tracking;

import io.shipbridge.carrier.TrackingEvent;
import io.shipbridge.carrier.TrackingStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One carrier tracking event on its way through the tracking queue, from a webhook or from the poller.
 *
 * @param eventId  unique per event: the webhook's id and position, or a digest of the event's content for polled
 *                 events, so the same event polled twice or redelivered has the same id
 * @param source   {@code webhook} or {@code poll}
 */
public record TrackingUpdate(
        String eventId,
        String carrier,
        String trackingNumber,
        String rawCode,
        String description,
        TrackingStatus status,
        Instant occurredAt,
        String location,
        String source,
        Instant receivedAt) {

    public static TrackingUpdate fromWebhook(String carrier, String webhookId, int index, TrackingEvent event,
            Instant receivedAt) {
        return of(webhookId + "#" + index, carrier, event, "webhook", receivedAt);
    }

    public static TrackingUpdate fromPoll(String carrier, TrackingEvent event, Instant receivedAt) {
        String content = carrier + "|" + event.trackingNumber() + "|" + event.rawCode() + "|" + event.occurredAt();
        return of("poll-" + sha256(content), carrier, event, "poll", receivedAt);
    }

    private static TrackingUpdate of(String eventId, String carrier, TrackingEvent event, String source,
            Instant receivedAt) {
        return new TrackingUpdate(eventId, carrier, event.trackingNumber(), event.rawCode(), event.description(),
                event.status(), event.occurredAt(), event.location(), source, receivedAt);
    }

    /** Checks the fields every consumer relies on; a message without them is malformed. */
    public void validate() {
        require(eventId, "eventId");
        require(carrier, "carrier");
        require(trackingNumber, "trackingNumber");
        if (status == null) {
            throw new IllegalArgumentException("Tracking update has no status");
        }
        if (occurredAt == null) {
            throw new IllegalArgumentException("Tracking update has no occurredAt");
        }
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Tracking update has no " + name);
        }
    }

    private static String sha256(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
