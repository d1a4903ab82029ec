package io.shipbridge.carrier.seur;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.carrier.CarrierAnswers;
import io.shipbridge.carrier.CarrierRejectedException;
import io.shipbridge.carrier.CarrierUnavailableException;
import io.shipbridge.carrier.CreatedShipment;
import io.shipbridge.carrier.LabelFormat;
import io.shipbridge.carrier.TrackingEvent;
import io.shipbridge.config.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads SEUR's API answers. Pure: no I/O. SEUR reports errors as {@code {"errors": [{"title", "status", "detail"}]}}
 * (or a single {@code error}), with a 4xx and at times with a 200: any answer carrying them is a refusal. A body that
 * is not JSON (a gateway's page) is unavailability.
 */
final class SeurResponses {
    private static final ZoneId SPAIN = ZoneId.of("Europe/Madrid");

    private SeurResponses() {
    }

    /** An access token and how long it lasts. */
    record Token(String accessToken, Duration lifetime) {
    }

    /** What SEUR created: the expedition code (for labels and cancelling) and one ECB per parcel (tracking). */
    record Created(String shipmentCode, List<String> ecbs) {
    }

    static Token token(String body) {
        JsonNode root = json(body);
        refusal(root).ifPresent(message -> {
            throw new CarrierRejectedException(SeurModule.ID, "token refused: " + message
                    + ": check SEUR_CLIENT_ID, SEUR_USERNAME and the carriers' secret", null);
        });
        String token = root.path("access_token").asText("");
        if (token.isBlank()) {
            throw new CarrierUnavailableException(SeurModule.ID, "token answer without access_token", null);
        }
        return new Token(token, Duration.ofSeconds(root.path("expires_in").asLong(300)));
    }

    static Created created(String body) {
        JsonNode data = success(body).path("data");
        String code = data.path("shipmentCode").asText("");
        List<String> ecbs = texts(data.path("ecbs"));
        if (code.isBlank() || ecbs.isEmpty()) {
            throw new CarrierUnavailableException(SeurModule.ID, "shipment answer without shipmentCode or ecbs", null);
        }
        return new Created(code, ecbs);
    }

    /** One label per parcel: base64 PDF in {@code pdf}, raw ZPL text in {@code label}. */
    static List<byte[]> labels(String body, LabelFormat format) {
        List<byte[]> labels = new ArrayList<>();
        for (JsonNode item : success(body).path("data")) {
            String content = item.path(format == LabelFormat.PDF ? "pdf" : "label").asText("");
            if (content.isBlank()) {
                continue;
            }
            try {
                labels.add(format == LabelFormat.PDF ? Base64.getDecoder().decode(content.replaceAll("\\s", ""))
                        : content.getBytes(StandardCharsets.ISO_8859_1));
            } catch (IllegalArgumentException e) {
                throw new CarrierUnavailableException(SeurModule.ID, "label is not valid base64", e);
            }
        }
        return labels;
    }

    /** Every situation of the shipment, oldest first; an empty answer (204) means none yet. */
    static List<TrackingEvent> events(String body, String ecb) {
        List<TrackingEvent> events = new ArrayList<>();
        if (body == null || body.isBlank()) {
            return events;
        }
        for (JsonNode expedition : success(body).path("data")) {
            for (JsonNode situation : expedition.path("situations")) {
                String code = situation.path("eventCode").asText("").trim();
                if (code.isEmpty()) {
                    continue;
                }
                String description = situation.path("description").asText(null);
                events.add(new TrackingEvent(ecb, code, description != null ? description
                        : SeurStatusCodes.CODES.describe(code), SeurStatusCodes.CODES.statusOf(code),
                        time(situation.path("situationDate").asText("")), null));
            }
        }
        events.sort(Comparator.comparing(TrackingEvent::occurredAt));
        return events;
    }

    /** The expeditions recorded under a reference (collections left out): their code and first parcel's ECB. */
    static List<CreatedShipment> byReference(String body) {
        List<CreatedShipment> found = new ArrayList<>();
        if (body == null || body.isBlank()) {
            return found;
        }
        for (JsonNode expedition : success(body).path("data")) {
            String ecb = expedition.path("packs").path(0).path("ecb").asText("");
            if (!"Rec".equalsIgnoreCase(expedition.path("type").asText("")) && !ecb.isBlank()) {
                found.add(CreatedShipment.of(ecb, expedition.path("shipmentRef").asText(null)));
            }
        }
        return found;
    }

    /**
     * Accepts SEUR's answer to a cancel: done, or the expedition no longer exists (cancelled before); anything else
     * (already in transit) is a refusal.
     */
    static void cancelled(int status, String body, String shipmentCode) {
        JsonNode root = body == null || body.isBlank() ? Json.MAPPER.createObjectNode() : json(body);
        Optional<String> refusal = refusal(root);
        if (status / 100 == 2 && refusal.isEmpty()) {
            return;
        }
        for (JsonNode item : root.path("data")) {
            String description = item.path("description").asText("").toLowerCase(Locale.ROOT);
            if (description.contains("no existe") || description.contains("ya anulad")
                    || description.contains("not found")) {
                return;
            }
        }
        throw new CarrierRejectedException(SeurModule.ID, "cancel of " + shipmentCode + " refused (HTTP " + status
                + "): " + refusal.orElse(root.path("data").path(0).path("description").asText("no reason given")),
                null);
    }

    static Instant time(String value) {
        String text = value.trim();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException noOffset) {
            try {
                return LocalDateTime.parse(text).atZone(SPAIN).toInstant();
            } catch (DateTimeParseException e) {
                throw new CarrierUnavailableException(SeurModule.ID, "unreadable situation date '" + text + "'", e);
            }
        }
    }

    /** The answer, if it reports no error. */
    static JsonNode success(String body) {
        JsonNode root = json(body);
        refusal(root).ifPresent(message -> {
            throw new CarrierRejectedException(SeurModule.ID, message, null);
        });
        return root;
    }

    /** What SEUR says went wrong, if it says so. */
    static Optional<String> refusal(JsonNode root) {
        JsonNode errors = root.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            List<String> messages = new ArrayList<>();
            for (JsonNode error : errors) {
                messages.add(error.path("title").asText("ERROR") + " (" + error.path("status").asText("?") + "): "
                        + error.path("detail").asText(""));
            }
            return Optional.of(String.join("; ", messages));
        }
        if (root.hasNonNull("error")) {
            return Optional.of(root.path("error").asText() + (root.hasNonNull("error_description")
                    ? " (" + root.path("error_description").asText() + ")" : ""));
        }
        return Optional.empty();
    }

    static JsonNode json(String body) {
        return CarrierAnswers.jsonObject(SeurModule.ID, body);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> {
            if (!node.asText("").isBlank()) {
                values.add(node.asText());
            }
        });
        return values;
    }
}
