package io.shipbridge.mirakl;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.shipbridge.config.Json;
import io.shipbridge.http.HttpSender;
import io.shipbridge.http.PathSegment;
import io.shipbridge.http.Sleeper;
import io.shipbridge.operations.OperationsLog;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Mirakl seller ("shop") API operations Shipbridge uses: OR11, OR21, OR23, OR24 and SH21. */
public final class MiraklClient {
    private final MiraklTransport transport;

    public MiraklClient(MiraklSettings settings, HttpSender http, OperationsLog operations, Sleeper sleeper,
            Clock clock) {
        this.transport = new MiraklTransport(settings, http, operations, sleeper, clock, Duration.ofSeconds(30));
    }

    /**
     * A page of OR11, each order read on its own so one unreadable order does not lose the page.
     *
     * @param unreadable orders whose JSON does not bind (a field of the wrong type), with what could be read of them
     */
    public record Page(List<MiraklOrder> orders, List<UnusableOrder> unreadable, long totalCount, int size) {
    }

    /** Strict about numbers: a quantity of 2.5 is not read as 2. */
    private static final ObjectReader ORDER_READER = Json.MAPPER.readerFor(MiraklOrder.class)
            .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    /** OR11 {@code GET /api/orders}: one page of orders matching the query. */
    public Page listOrders(OrderQuery query, int offset, int max) {
        Map<String, String> params = new LinkedHashMap<>();
        if (!query.orderIds().isEmpty()) {
            params.put("order_ids", String.join(",", query.orderIds()));
        }
        if (!query.states().isEmpty()) {
            params.put("order_state_codes", String.join(",", query.states()));
        }
        if (query.startUpdateDate() != null) {
            params.put("start_update_date",
                    DateTimeFormatter.ISO_INSTANT.format(query.startUpdateDate().truncatedTo(ChronoUnit.SECONDS)));
        }
        params.put("paginate", "true");
        params.put("max", Integer.toString(max));
        params.put("offset", Integer.toString(offset));
        String body = transport.send(new MiraklTransport.Call("list_orders", null, "GET", "/api/orders", params, null,
                Map.of("offset", offset, "max", max)));
        JsonNode page;
        try {
            page = Json.MAPPER.readTree(body);
        } catch (Exception e) {
            throw new MiraklUnavailableException("OR11 answered something that is not JSON: "
                    + MiraklErrors.message(body), 200, e);
        }
        List<MiraklOrder> orders = new ArrayList<>();
        List<UnusableOrder> unreadable = new ArrayList<>();
        JsonNode items = page.path("orders");
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                unreadable.add(UnusableOrder.unreadable(item, "entry " + (offset + i) + " of orders is not an object"));
                continue;
            }
            try {
                orders.add(ORDER_READER.readValue(item));
            } catch (Exception e) {
                unreadable.add(UnusableOrder.unreadable(item, unreadableReason(e)));
            }
        }
        return new Page(orders, unreadable, page.path("total_count").asLong(items.size()), items.size());
    }

    /** The order as Mirakl has it now, read through OR11 by id. */
    public Optional<MiraklOrder> getOrder(String orderId) {
        return listOrders(OrderQuery.byId(orderId), 0, 1).orders().stream()
                .filter(o -> orderId.equals(o.orderId())).findFirst();
    }

    /** OR21 {@code PUT /api/orders/{id}/accept}: accepts the given lines. */
    public void acceptLines(String orderId, List<String> lineIds) {
        List<Map<String, Object>> lines = lineIds.stream()
                .map(id -> Map.<String, Object>of("id", id, "accepted", true)).toList();
        transport.send(new MiraklTransport.Call("accept_order", orderId, "PUT", orderPath(orderId, "accept"),
                Map.of(), Json.write(Map.of("order_lines", lines)), Map.of("lines", lineIds.size())));
    }

    /**
     * OR21 {@code PUT /api/orders/{id}/accept} with every line refused: the order goes to REFUSED on Mirakl. OR21
     * carries no reason; Mirakl records the refusal as the seller's.
     */
    public void refuseLines(String orderId, List<String> lineIds) {
        List<Map<String, Object>> lines = lineIds.stream()
                .map(id -> Map.<String, Object>of("id", id, "accepted", false)).toList();
        transport.send(new MiraklTransport.Call("refuse_order", orderId, "PUT", orderPath(orderId, "accept"),
                Map.of(), Json.write(Map.of("order_lines", lines)), Map.of("lines", lineIds.size())));
    }

    /** OR23 {@code PUT /api/orders/{id}/tracking}. */
    public void updateTracking(String orderId, MiraklTracking tracking) {
        transport.send(new MiraklTransport.Call("update_tracking", orderId, "PUT", orderPath(orderId, "tracking"),
                Map.of(), Json.write(tracking), Map.of("tracking_number", tracking.trackingNumber())));
    }

    /** OR24 {@code PUT /api/orders/{id}/ship}: the order goes from SHIPPING to SHIPPED. */
    public void confirmShipment(String orderId) {
        transport.send(new MiraklTransport.Call("confirm_shipment", orderId, "PUT", orderPath(orderId, "ship"),
                Map.of(), null, Map.of()));
    }

    /** SH21 {@code GET /api/shipping/carriers}: the carriers this marketplace knows. */
    public List<MiraklCarrier> carriers() {
        String body = transport.send(new MiraklTransport.Call("list_carriers", null, "GET", "/api/shipping/carriers",
                Map.of(), null, Map.of()));
        JsonNode carriers;
        try {
            carriers = Json.MAPPER.readTree(body).path("carriers");
        } catch (Exception e) {
            throw new MiraklUnavailableException("SH21 answered something that is not JSON", 200, e);
        }
        List<MiraklCarrier> result = new ArrayList<>();
        carriers.forEach(c -> result.add(Json.MAPPER.convertValue(c, MiraklCarrier.class)));
        return result;
    }

    /** Which field could not be read and why, from the path of the error: never the value, nor Jackson's message. */
    private static String unreadableReason(Exception e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder field = new StringBuilder();
            for (JsonMappingException.Reference step : mapping.getPath()) {
                if (step.getFieldName() != null) {
                    field.append(field.isEmpty() ? "" : ".").append(step.getFieldName());
                } else if (step.getIndex() >= 0) {
                    field.append('[').append(step.getIndex()).append(']');
                }
            }
            return field + " has the wrong type or format";
        }
        return "the order's JSON could not be read";
    }

    private static String orderPath(String orderId, String operation) {
        return "/api/orders/" + PathSegment.encode(orderId) + "/" + operation;
    }
}
