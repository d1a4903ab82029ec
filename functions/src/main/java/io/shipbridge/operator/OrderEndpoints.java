package io.shipbridge.operator;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.fulfilment.Cancellation;
import io.shipbridge.fulfilment.OrderRetry;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.storage.LabelStore;
import io.shipbridge.storage.OperationsLogStore;
import io.shipbridge.storage.OrderStore;
import io.shipbridge.storage.Page;
import io.shipbridge.storage.TrackingEventStore;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Orders for an operator: listed by state, one in full, retried, cancelled. */
public final class OrderEndpoints {
    private static final int PAGE = 50;
    private static final int MAX_PAGE = 500;

    private final OrderStore orders;
    private final OperationsLogStore operations;
    private final TrackingEventStore events;
    private final LabelStore labels;
    private final OrderRetry retry;
    private final Cancellation cancellation;
    private final Clock clock;

    public OrderEndpoints(OrderStore orders, OperationsLogStore operations, TrackingEventStore events,
            LabelStore labels, OrderRetry retry, Cancellation cancellation, Clock clock) {
        this.orders = orders;
        this.operations = operations;
        this.events = events;
        this.labels = labels;
        this.retry = retry;
        this.cancellation = cancellation;
        this.clock = clock;
    }

    /** {@code GET /api/v1/logs/orders-view?state=FAILED_POST[&since=…][&limit=…][&cursor=…]}: newest first. */
    ApiResponse list(ApiRequest request) {
        String stateName = request.query("state");
        if (stateName == null) {
            throw new BadRequestException("state is required, one of " + Arrays.toString(OrderState.values()));
        }
        OrderState state;
        try {
            state = OrderState.valueOf(stateName);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("state must be one of " + Arrays.toString(OrderState.values())
                    + ", was " + stateName);
        }
        Page<Map<String, Object>> page = orders.pageInState(state, ApiRequest.instant("since", request.query("since")),
                request.query("cursor"), request.limit(PAGE, MAX_PAGE)).map(OrderEndpoints::summary);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", state);
        body.put("orders", page.items());
        body.put("next", page.next());
        return ApiResponse.ok(body);
    }

    /** {@code GET /api/v1/orders/{orderId}}: the view, full history, operations, tracking events, a label link. */
    ApiResponse one(ApiRequest request) {
        String orderId = ApiRequest.orderId("orderId", request.path("orderId"));
        OrderView view = orders.get(orderId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("order", view);
        body.put("history", orders.history(orderId));
        body.put("operations", operations.forOrder(orderId));
        body.put("trackingEvents", events.events(orderId));
        if (view.shipment() != null && view.shipment().labelKey() != null) {
            body.put("label", Map.of("url", labels.link(view.shipment().labelKey()),
                    "expiresAt", clock.instant().plus(LabelStore.LINK_VALIDITY)));
        }
        return ApiResponse.ok(body);
    }

    /** {@code POST /api/v1/orders/{orderId}/retry} with {@code {"reason": "..."}}. */
    ApiResponse retry(ApiRequest request) {
        OrderRetry.Retried retried = retry.retry(ApiRequest.orderId("orderId", request.path("orderId")),
                request.caller(), reason(request));
        return ApiResponse.ok(Map.of("orderId", retried.order().orderId(), "state", retried.order().state(),
                "resumeAt", retried.step(), "execution", retried.execution()));
    }

    /** {@code POST /api/v1/orders/{orderId}/cancel} with {@code {"reason": "..."}}: only before it ships. */
    ApiResponse cancel(ApiRequest request) {
        String orderId = ApiRequest.orderId("orderId", request.path("orderId"));
        String why = reason(request);
        OrderView before = orders.get(orderId);
        return cancellation.cancelByOperator(orderId, request.caller(), why)
                .map(view -> ApiResponse.ok(Map.of("orderId", orderId, "state", view.state(), "shipment",
                        view.shipment() == null ? "none" : view.shipment().carrier() + " "
                                + view.shipment().trackingNumber())))
                .orElseGet(() -> ApiResponse.error(409, "Order " + orderId + " is " + before.state()
                        + ": it can no longer be cancelled here (only before it is confirmed shipped on Mirakl)"));
    }

    private static String reason(ApiRequest request) {
        JsonNode reason = request.jsonBody().path("reason");
        if (!reason.isMissingNode() && !reason.isTextual()) {
            throw new BadRequestException("reason must be text");
        }
        if (reason.asText("").length() > 500) {
            throw new BadRequestException("reason must be at most 500 characters");
        }
        return reason.asText(null);
    }

    private static Map<String, Object> summary(OrderView view) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("orderId", view.orderId());
        row.put("state", view.state());
        row.put("updatedAt", view.updatedAt());
        row.put("createdAt", view.createdAt());
        row.put("miraklState", view.miraklState());
        if (view.shipment() != null) {
            row.put("carrier", view.shipment().carrier());
            row.put("trackingNumber", view.shipment().trackingNumber());
        }
        if (view.failureReason() != null) {
            row.put("failureReason", view.failureReason());
        }
        if (view.recovery() != null) {
            row.put("recovery", view.recovery());
        }
        return row;
    }
}
