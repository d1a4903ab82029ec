package io.shipbridge.carrier;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.config.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The tracking webhook body Shipbridge accepts from carriers and tracking aggregators that push:
 * <pre>
 * {"tracking_number": "0128346565",
 *  "events": [{"code": "1", "description": "En tránsito", "occurred_at": "2026-11-20T09:15:00Z", "location": "Madrid"}]}
 * </pre>
 * {@code code} is the carrier's own status code; each carrier maps it to the common vocabulary.
 */
public final class StandardTrackingWebhook {
    private StandardTrackingWebhook() {
    }

    public static List<TrackingEvent> parse(byte[] body, StatusCodes codes) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (Exception e) {
            throw new MalformedWebhookException("Webhook body is not JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedWebhookException("Webhook body is not a JSON object", null);
        }
        String trackingNumber = text(root, "tracking_number");
        if (trackingNumber == null) {
            throw new MalformedWebhookException("Webhook has no tracking_number", null);
        }
        JsonNode events = root.path("events");
        if (!events.isArray() || events.isEmpty()) {
            throw new MalformedWebhookException("Webhook has no events", null);
        }
        List<TrackingEvent> parsed = new ArrayList<>();
        for (JsonNode event : events) {
            String code = text(event, "code");
            String occurredAt = text(event, "occurred_at");
            if (code == null || occurredAt == null) {
                throw new MalformedWebhookException("Webhook event without code or occurred_at", null);
            }
            Instant at;
            try {
                at = Instant.parse(occurredAt);
            } catch (DateTimeParseException e) {
                throw new MalformedWebhookException("Webhook event occurred_at is not an ISO-8601 instant", e);
            }
            String description = text(event, "description");
            parsed.add(new TrackingEvent(trackingNumber, code, description != null ? description : codes.describe(code),
                    codes.statusOf(code), at, text(event, "location")));
        }
        return parsed;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
