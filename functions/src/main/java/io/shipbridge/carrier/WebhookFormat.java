package io.shipbridge.carrier;

import java.util.List;

/** How one carrier's webhook bodies read. Parsing only: the webhook function never calls the carrier. */
@FunctionalInterface
public interface WebhookFormat {

    /**
     * Reads the events of a webhook whose signature was already verified.
     *
     * @throws MalformedWebhookException when the body is not what this carrier sends
     */
    List<TrackingEvent> parse(byte[] body);
}
