package io.shipbridge.fulfilment;

import io.shipbridge.mirakl.MiraklClient;
import io.shipbridge.mirakl.MiraklOrder;
import io.shipbridge.mirakl.MiraklOrderStates;
import io.shipbridge.mirakl.MiraklRejectedException;
import io.shipbridge.order.IllegalTransitionException;
import io.shipbridge.order.OrderCancelledException;
import io.shipbridge.order.OrderLine;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.order.TransitionRequest;
import io.shipbridge.storage.OrderStore;
import java.util.List;
import java.util.Map;

/** Accepts an order on Mirakl (OR21, every line), once: a retry finds it accepted and does nothing. */
public final class OrderAcceptance {
    private static final String STEP = "AcceptOrder";

    private final OrderStore orders;
    private final MiraklClient mirakl;
    private final Cancellation cancellation;

    public OrderAcceptance(OrderStore orders, MiraklClient mirakl, Cancellation cancellation) {
        this.orders = orders;
        this.mirakl = mirakl;
        this.cancellation = cancellation;
    }

    public OrderView accept(String orderId) {
        OrderView view = orders.get(orderId);
        if (view.state() == OrderState.CANCELLED) {
            throw new OrderCancelledException(orderId);
        }
        if (!view.state().isFailure() && view.state().hasReached(OrderState.ACCEPTED)) {
            return view;
        }
        if (view.state() != OrderState.PENDING_ACCEPTANCE) {
            throw new IllegalTransitionException(orderId, view.state(), OrderState.ACCEPTED);
        }
        if (MiraklOrderStates.isAcceptedOrLater(view.miraklState())) {
            return orders.transition(view, TransitionRequest.to(OrderState.ACCEPTED, Actors.MIRAKL,
                    "Already accepted on Mirakl (" + view.miraklState() + ")"));
        }
        List<String> lineIds = view.order().lines().stream().map(OrderLine::lineId).toList();
        try {
            mirakl.acceptLines(orderId, lineIds);
        } catch (MiraklRejectedException e) {
            // OR21 refuses an order no longer waiting for acceptance: a lost answer to our own earlier accept, a
            // seller who accepted in the back office, or a cancellation. Mirakl's current state tells which.
            MiraklOrder current = mirakl.getOrder(orderId).orElseThrow(() -> e);
            if (MiraklOrderStates.isCancelled(current.orderState())) {
                cancellation.cancel(orderId, current.orderState(), current.orderStateReasonCode());
                throw new OrderCancelledException(orderId);
            }
            if (!MiraklOrderStates.isAcceptedOrLater(current.orderState())) {
                throw e;
            }
        }
        return orders.transition(view, TransitionRequest.to(OrderState.ACCEPTED, Actors.workflow(STEP),
                "Accepted on Mirakl (OR21)").withDetails(Map.of("lines", String.join(",", lineIds))));
    }
}
