package io.shipbridge.operator;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.config.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * One operator request, as API Gateway routed it.
 *
 * @param routeKey the route that matched, e.g. {@code GET /api/v1/orders/{orderId}}
 * @param caller   who signed the request (the IAM principal), as the status history names them
 */
public record ApiRequest(String routeKey, Map<String, String> pathParameters, Map<String, String> query, String body,
        String caller) {
    public static final int MAX_ORDER_ID = 200;


    public ApiRequest {
        pathParameters = pathParameters == null ? Map.of() : Map.copyOf(pathParameters);
        query = query == null ? Map.of() : Map.copyOf(query);
    }

    public String path(String name) {
        return pathParameters.get(name);
    }

    /**
     * An order id from the path or the query: 1 to {@value #MAX_ORDER_ID} characters with no control character
     * (Mirakl's ids are far shorter; a longer one could not even be a key in the table).
     *
     * @throws BadRequestException otherwise
     */
    public static String orderId(String name, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_ORDER_ID
                || value.chars().anyMatch(Character::isISOControl)) {
            throw new BadRequestException(name + " must be 1 to " + MAX_ORDER_ID
                    + " characters with no control character");
        }
        return value;
    }

    public String query(String name) {
        String value = query.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** @throws BadRequestException when the body is not a JSON object */
    public JsonNode jsonBody() {
        if (body == null || body.isBlank()) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (Exception notJson) {
            // Answered below.
        }
        throw new BadRequestException("the body must be a JSON object");
    }

    public int limit(int defaultLimit, int max) {
        String value = query("limit");
        if (value == null) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // Answered below.
        }
        throw new BadRequestException("limit must be a whole number from 1 to " + max + ", was " + value);
    }

    /** An ISO-8601 instant ({@code 2026-11-20T08:00:00Z}) or a day ({@code 2026-11-20}, its start in UTC). */
    public static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be an ISO-8601 instant or day, e.g. 2026-11-20T08:00:00Z"
                    + " or 2026-11-20; was " + value);
        }
    }
}
