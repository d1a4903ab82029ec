package io.shipbridge.handler;

import com.amazonaws.services.lambda.runtime.Context;
import io.shipbridge.config.Components;
import io.shipbridge.fulfilment.FetchOrders;
import io.shipbridge.fulfilment.OrderIntake;

/**
 * Fetches orders from Mirakl. Scheduled with {@code {"trigger":"schedule"}} (every 5 minutes) and
 * {@code {"trigger":"sweep"}} (daily); run by hand with {@code {"trigger":"manual","since":"2026-11-20T00:00:00Z"}}.
 */
public final class FetchOrdersHandler extends TaskHandler<FetchOrders.Request, FetchOrders.Summary> {
    private final FetchOrders fetchOrders;

    public FetchOrdersHandler() {
        this(Components.fromEnvironment());
    }

    public FetchOrdersHandler(Components components) {
        super(FetchOrders.Request.class, components);
        this.fetchOrders = components.fetchOrders();
    }

    @Override
    FetchOrders.Summary handle(FetchOrders.Request request, Context context) {
        FetchOrders.Summary summary = fetchOrders.run(request);
        metrics.ordersFetched(summary.outcomes().getOrDefault(OrderIntake.Outcome.CREATED, 0));
        return summary;
    }
}
