package io.shipbridge.mirakl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An OR11 order Shipbridge cannot take in, with what could still be read of it: enough to record it, tell Mirakl
 * (refuse every line) and recognise it on the next fetch.
 *
 * @param orderId  as Mirakl sent it; may be unusable as a key ({@link #hasUsableId()})
 * @param lineIds  every line's id when each line has a usable, distinct one (Mirakl wants a decision for every
 *                 line); null otherwise, and then the order cannot be refused through the API
 * @param reasons  why it cannot be taken in: field names and limits, never values
 */
public record UnusableOrder(String orderId, String orderState, Instant lastUpdatedDate, List<String> lineIds,
        List<String> reasons) {

    public UnusableOrder {
        lineIds = lineIds == null ? null : List.copyOf(lineIds);
        reasons = List.copyOf(reasons);
    }

    public boolean hasUsableId() {
        return OrderIds.isUsable(orderId);
    }

    public boolean canBeRefused() {
        return lineIds != null && !lineIds.isEmpty();
    }

    /** The order read, but its content unusable. */
    public static UnusableOrder of(MiraklOrder order, List<String> reasons) {
        List<String> lineIds = null;
        if (order.orderLines() != null) {
            lineIds = new ArrayList<>();
            for (MiraklOrder.Line line : order.orderLines()) {
                lineIds.add(line == null ? null : line.orderLineId());
            }
        }
        return new UnusableOrder(order.orderId(), order.orderState(), order.lastUpdatedDate(), refusable(lineIds),
                reasons);
    }

    /** The order's JSON could not even be bound (a field of the wrong type): what is read here is read by hand. */
    public static UnusableOrder unreadable(JsonNode item, String reason) {
        List<String> lineIds = null;
        JsonNode lines = item.path("order_lines");
        if (lines.isArray()) {
            lineIds = new ArrayList<>();
            for (JsonNode line : lines) {
                JsonNode id = line.path("order_line_id");
                lineIds.add(id.isTextual() ? id.asText() : null);
            }
        }
        return new UnusableOrder(text(item, "order_id"), text(item, "order_state"), instant(item),
                refusable(lineIds), List.of(reason));
    }

    private static List<String> refusable(List<String> lineIds) {
        if (lineIds == null || lineIds.isEmpty()) {
            return null;
        }
        Set<String> distinct = new HashSet<>();
        for (String id : lineIds) {
            if (id == null || id.isBlank() || id.length() > MiraklOrderMapper.MAX_CODE
                    || OrderIds.hasControlCharacters(id) || !distinct.add(id)) {
                return null;
            }
        }
        return lineIds;
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private static Instant instant(JsonNode item) {
        String text = text(item, "last_updated_date");
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
