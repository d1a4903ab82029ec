package io.shipbridge.handler;

import com.amazonaws.services.lambda.runtime.Context;
import io.shipbridge.app.Components;
import io.shipbridge.fulfilment.FetchOrders;
import io.shipbridge.fulfilment.OrderIntake;
import io.shipbridge.order.OrderState;
import io.shipbridge.storage.OrderStore;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Fetches orders from Mirakl. Scheduled with {@code {"trigger":"schedule"}} (every 5 minutes) and
 * {@code {"trigger":"sweep"}} (daily); run by hand with {@code {"trigger":"manual","since":"2026-11-20T00:00:00Z"}}.
 */
public final class FetchOrdersHandler extends TaskHandler<FetchOrders.Request, FetchOrders.Summary> {
    private final FetchOrders fetchOrders;
    private final OrderStore orders;

    public FetchOrdersHandler() {
        this(Components.fromEnvironment());
    }

    public FetchOrdersHandler(Components components) {
        super(FetchOrders.Request.class, components);
        this.fetchOrders = components.fetchOrders();
        this.orders = components.orders();
    }

    @Override
    FetchOrders.Summary handle(FetchOrders.Request request, Context context) {
        // Counted page by page: a run failing on a later page has still taken the earlier ones in.
        FetchOrders.Summary summary = fetchOrders.runReporting(request, budget(context), taken -> {
            metrics.ordersFetched(taken.getOrDefault(OrderIntake.Outcome.CREATED, 0));
            metrics.ordersNotTakenIn(OrderIntake.Outcome.notTakenIn(taken));
        });
        metrics.ordersInState(inFlightCounts());
        return summary;
    }

    /** The function's remaining time less what taking in the last page read and answering may take. */
    private static Duration budget(Context context) {
        return Duration.ofMillis(Math.max(5_000, context.getRemainingTimeInMillis() - 60_000L));
    }

    /** Every run (5 minutes) counts the orders in each in-flight state: few, unlike the finished ones. */
    private Map<OrderState, Long> inFlightCounts() {
        Map<OrderState, Long> counts = new EnumMap<>(OrderState.class);
        for (OrderState state : OrderState.values()) {
            if (!state.isTerminal() && !state.isFailure()) {
                counts.put(state, orders.countInState(state));
            }
        }
        return counts;
    }
}
