package io.shipbridge.carrier.correosexpress;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.carrier.CarrierAnswers;
import io.shipbridge.carrier.CarrierRejectedException;
import io.shipbridge.carrier.CarrierUnavailableException;
import io.shipbridge.carrier.LabelFormat;
import io.shipbridge.carrier.TrackingEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads Correos Express's answers. Pure: no I/O. CEX answers a refusal with HTTP 200 and a code in the body, named
 * per operation ({@code codigoRetorno} for a shipment, {@code error} for tracking, {@code codErr} for labels): any
 * code but 0 is a refusal with CEX's message. A PDF label comes base64-encoded twice from a shipment (once when
 * asked for with {@code codificacionUnicaB64}), once from a reprint: it is decoded until it is a PDF.
 */
final class CorreosExpressResponses {
    /** Tracking: "no shipment with that number for this client". */
    private static final int NOT_FOUND = 409;
    private static final DateTimeFormatter CEX_TIME = DateTimeFormatter.ofPattern("ddMMuuuuHHmmss");
    private static final ZoneId SPAIN = ZoneId.of("Europe/Madrid");
    private static final byte[] PDF_MAGIC = "%PDF".getBytes(StandardCharsets.US_ASCII);

    private CorreosExpressResponses() {
    }

    /** What CEX recorded: the shipment number (the tracking number) and its labels, one per parcel. */
    record Created(String shipmentNumber, List<byte[]> labels) {
    }

    static Created created(String body, LabelFormat format) {
        JsonNode root = json(body);
        refusal(root, "codigoRetorno", "mensajeRetorno", "grabacionEnvio");
        String number = root.path("datosResultado").asText("").trim();
        if (number.isEmpty()) {
            throw new CarrierUnavailableException(CorreosExpressModule.ID, "grabacionEnvio answered without"
                    + " datosResultado", null);
        }
        List<byte[]> labels = new ArrayList<>();
        for (JsonNode label : root.path("etiqueta")) {
            String content = label.path(format == LabelFormat.ZPL ? "etiqueta2" : "etiqueta1").asText("");
            if (!content.isBlank()) {
                labels.add(format == LabelFormat.ZPL ? content.getBytes(StandardCharsets.ISO_8859_1) : pdf(content));
            }
        }
        return new Created(number, labels);
    }

    /** A reprint's labels: single base64 PDFs, or ZPL text. */
    static List<byte[]> reprinted(String body, LabelFormat format) {
        JsonNode root = json(body);
        refusal(root, "codErr", "desErr", "etiquetaTransporte");
        List<byte[]> labels = new ArrayList<>();
        for (JsonNode label : root.path("listaEtiquetas")) {
            String content = label.asText("");
            if (!content.isBlank()) {
                labels.add(format == LabelFormat.ZPL ? content.getBytes(StandardCharsets.ISO_8859_1) : pdf(content));
            }
        }
        return labels;
    }

    /** The shipment number tracking answers for a reference (or number), if CEX has one. */
    static Optional<String> shipmentNumber(String body) {
        JsonNode root = json(body);
        if (root.path("error").asInt(-1) == NOT_FOUND) {
            return Optional.empty();
        }
        refusal(root, "error", "mensajeError", "seguimientoEnvio");
        if ("0".equals(root.path("resultado").asText())) {
            return Optional.empty();
        }
        String number = root.path("numEnvio").asText("").trim();
        return number.isEmpty() ? Optional.empty() : Optional.of(number);
    }

    /** Every state of the shipment, oldest first, in CEX's local (Madrid) time; none when CEX does not know it. */
    static List<TrackingEvent> events(String body, String shipmentNumber) {
        JsonNode root = json(body);
        List<TrackingEvent> events = new ArrayList<>();
        if (root.path("error").asInt(-1) == NOT_FOUND) {
            return events;
        }
        refusal(root, "error", "mensajeError", "seguimientoEnvio");
        for (JsonNode state : root.path("estadoEnvios")) {
            String code = state.path("codEstado").asText(state.path("codigoEstado").asText("")).trim();
            if (code.isEmpty()) {
                continue;
            }
            String description = state.path("descEstado").asText("").trim();
            events.add(new TrackingEvent(shipmentNumber, code, description.isEmpty()
                    ? CorreosExpressStatusCodes.CODES.describe(code) : description,
                    CorreosExpressStatusCodes.CODES.statusOf(code),
                    time(state.path("fechaEstado").asText(""), state.path("horaEstado").asText("")), null));
        }
        events.sort(Comparator.comparing(TrackingEvent::occurredAt));
        return events;
    }

    /** {@code ddMMyyyy} and {@code HHmmss}, the hour's leading zero sometimes lost ("73000" for 07:30:00). */
    static Instant time(String date, String hour) {
        String text = date.trim() + "0".repeat(Math.max(0, 6 - hour.trim().length())) + hour.trim();
        try {
            return LocalDateTime.parse(text, CEX_TIME).atZone(SPAIN).toInstant();
        } catch (DateTimeParseException e) {
            throw new CarrierUnavailableException(CorreosExpressModule.ID, "unreadable state time '" + date + " "
                    + hour + "'", e);
        }
    }

    /** Decodes base64 until the bytes are a PDF: CEX encodes shipment labels twice, reprints once. */
    static byte[] pdf(String base64) {
        try {
            byte[] bytes = decode(base64);
            return startsWithPdf(bytes) ? bytes : decode(new String(bytes, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new CarrierUnavailableException(CorreosExpressModule.ID, "label is not valid base64", e);
        }
    }

    /** Strict base64, line breaks allowed (CEX's encoder wraps lines). */
    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
    }

    private static boolean startsWithPdf(byte[] bytes) {
        return bytes.length >= PDF_MAGIC.length && Arrays.equals(bytes, 0, PDF_MAGIC.length, PDF_MAGIC, 0,
                PDF_MAGIC.length);
    }

    /** Throws CEX's refusal when its code is not 0; a missing code is not an answer CEX gives. */
    private static void refusal(JsonNode root, String codeField, String messageField, String operation) {
        JsonNode code = root.path(codeField);
        if (!code.isNumber() && !code.isTextual()) {
            throw new CarrierUnavailableException(CorreosExpressModule.ID, operation + " answered without "
                    + codeField, null);
        }
        int value;
        try {
            value = code.isNumber() ? code.asInt() : Integer.parseInt(code.asText().trim());
        } catch (NumberFormatException e) {
            throw new CarrierUnavailableException(CorreosExpressModule.ID, operation + " answered " + codeField + "="
                    + code.asText(), e);
        }
        if (value != 0) {
            throw new CarrierRejectedException(CorreosExpressModule.ID, operation + " refused (" + codeField + " "
                    + value + "): " + root.path(messageField).asText("no message"), null);
        }
    }

    static JsonNode json(String body) {
        return CarrierAnswers.jsonObject(CorreosExpressModule.ID, body);
    }
}
