package io.shipbridge.tracking;

import io.shipbridge.carrier.TrackingEvent;
import io.shipbridge.carrier.TrackingStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One carrier tracking event on its way through the tracking queue, from a webhook or from the poller.
 *
 * @param eventId  a digest of what the carrier says happened (shipment, code, time), whichever way it came: the same
 *                 scan polled twice, pushed twice under two webhook ids, or both pushed and polled, has one id
 * @param source   {@code webhook}, {@code poll} or {@code file}
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

    public static TrackingUpdate fromWebhook(String carrier, TrackingEvent event, Instant receivedAt) {
        return of(carrier, event, "webhook", receivedAt);
    }

    public static TrackingUpdate fromPoll(String carrier, TrackingEvent event, Instant receivedAt) {
        return of(carrier, event, "poll", receivedAt);
    }

    /** From a status file the carrier dropped in the bucket: a row imported twice is the same event. */
    public static TrackingUpdate fromFile(String carrier, TrackingEvent event, Instant receivedAt) {
        return of(carrier, event, "file", receivedAt);
    }

    /**
     * The identity is the normalized content: carrier, tracking number and code without surrounding blanks and case,
     * the time to the second (one source sends milliseconds, another not).
     */
    private static TrackingUpdate of(String carrier, TrackingEvent event, String source, Instant receivedAt) {
        String trackingNumber = trim(event.trackingNumber());
        String rawCode = trim(event.rawCode());
        Instant occurredAt = event.occurredAt() == null ? null : event.occurredAt().truncatedTo(ChronoUnit.SECONDS);
        String content = String.join("|", carrier.toLowerCase(Locale.ROOT), upper(trackingNumber), upper(rawCode),
                String.valueOf(occurredAt));
        return new TrackingUpdate(sha256(content), carrier, trackingNumber, rawCode, event.description(),
                event.status(), occurredAt, event.location(), source, receivedAt);
    }

    private static String trim(String value) {
        return value == null ? null : value.strip();
    }

    private static String upper(String value) {
        return value == null ? "" : value.toUpperCase(Locale.ROOT);
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
