package io.shipbridge.webhook;

import io.shipbridge.carrier.TrackingEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one webhook may carry (the README states the same figures). A body breaking any of them is refused whole, so a
 * sender learns of it at once instead of some of its events going missing.
 */
public final class WebhookLimits {
    /** Well under SQS's 256 KiB message limit, and hundreds of times what one shipment's events take. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    public static final int MAX_EVENTS = 100;
    public static final int MAX_HEADER_CHARS = 1024;
    public static final int MAX_TRACKING_NUMBER = 64;
    public static final int MAX_CODE = 32;
    public static final int MAX_DESCRIPTION = 500;
    public static final int MAX_LOCATION = 200;
    /** A scan is never in the future beyond clock skew, and never older than a shipment's possible life. */
    public static final Duration MAX_AHEAD = Duration.ofDays(1);
    public static final Duration MAX_AGE = Duration.ofDays(366);

    private WebhookLimits() {
    }

    /** @throws WebhookRejectedException naming the first limit the events break */
    public static void check(List<TrackingEvent> events, Instant now) {
        if (events.size() > MAX_EVENTS) {
            throw new WebhookRejectedException(RejectionReason.TOO_MANY_EVENTS, events.size()
                    + " events in one webhook; at most " + MAX_EVENTS);
        }
        for (TrackingEvent event : events) {
            field("tracking_number", event.trackingNumber(), MAX_TRACKING_NUMBER, true);
            field("code", event.rawCode(), MAX_CODE, false);
            field("description", event.description(), MAX_DESCRIPTION, false);
            field("location", event.location(), MAX_LOCATION, false);
            if (event.occurredAt().isAfter(now.plus(MAX_AHEAD)) || event.occurredAt().isBefore(now.minus(MAX_AGE))) {
                throw new WebhookRejectedException(RejectionReason.IMPLAUSIBLE_DATE, "occurred_at "
                        + event.occurredAt() + " is more than " + MAX_AHEAD.toDays() + " day ahead of now or more than "
                        + MAX_AGE.toDays() + " days ago");
            }
        }
    }

    private static void field(String name, String value, int maxChars, boolean identifier) {
        if (value == null) {
            return;
        }
        if (value.length() > maxChars) {
            throw new WebhookRejectedException(RejectionReason.FIELD_TOO_LONG, name + " has " + value.length()
                    + " characters; at most " + maxChars);
        }
        boolean printable = identifier ? value.chars().allMatch(c -> c > 0x20 && c < 0x7f)
                : value.chars().noneMatch(Character::isISOControl);
        if (!printable) {
            throw new WebhookRejectedException(RejectionReason.FIELD_NOT_PRINTABLE, name
                    + (identifier ? " must be printable ASCII without spaces" : " has control characters"));
        }
    }
}
