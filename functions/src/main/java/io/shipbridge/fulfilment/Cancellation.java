package io.shipbridge.fulfilment;

import io.shipbridge.carrier.Carrier;
import io.shipbridge.carrier.CarrierException;
import io.shipbridge.carrier.Carriers;
import io.shipbridge.carrier.CreatedShipment;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.operations.OperationStatus;
import io.shipbridge.operations.OperationsLog;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.order.Shipment;
import io.shipbridge.order.TransitionRequest;
import io.shipbridge.storage.OrderStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mirakl cancelled or refused an order: the order ends CANCELLED, a shipment already created is cancelled at the
 * carrier where the carrier allows it (else recorded in the operations log as a shipment to void by hand), and a
 * waiting execution is stopped through its wait.
 */
public final class Cancellation {
    private static final Logger LOG = LoggerFactory.getLogger(Cancellation.class);

    private final OrderStore orders;
    private final Carriers carriers;
    private final OrderProgress progress;
    private final OperationsLog operations;
    private final Clock clock;

    public Cancellation(OrderStore orders, Carriers carriers, OrderProgress progress, OperationsLog operations,
            Clock clock) {
        this.orders = orders;
        this.carriers = carriers;
        this.progress = progress;
        this.operations = operations;
        this.clock = clock;
    }

    /** The operations log's action for a shipment left at its carrier that someone must void by hand. */
    public static final String VOID_BY_HAND = "void_shipment_by_hand";

    /** @return true when this call cancelled the order; false when it was past cancelling or cancelled already */
    public boolean cancel(String orderId, String miraklState, String reasonCode) {
        String reason = "Order " + miraklState + " on Mirakl" + (reasonCode == null ? "" : " (reason " + reasonCode
                + ")");
        return cancel(orderId, Actors.MIRAKL, reason, Map.of("miraklState", miraklState)).isPresent();
    }

    /**
     * An operator stops the order before it ships: its shipment, if any, is cancelled at the carrier (or listed to
     * void by hand), its execution ends, and cancelling it on Mirakl is listed in the operations log for the
     * seller's back office (Shipbridge does not cancel on the marketplace on its own).
     *
     * @return the cancelled order; empty when it was past cancelling or cancelled already
     */
    public Optional<OrderView> cancelByOperator(String orderId, String operator, String why) {
        Optional<OrderView> cancelled = cancel(orderId, "operator:" + operator, "Cancelled by an operator"
                + (why == null || why.isBlank() ? "" : ": " + why), Map.of());
        cancelled.ifPresent(view -> operations.record(new OperationRecord(clock.instant(), "mirakl",
                "cancel_on_mirakl_by_hand", orderId, null, OperationStatus.ERROR, "Order cancelled by an operator"
                        + " in Shipbridge: cancel it on Mirakl too, from the back office", Map.of("miraklState",
                        String.valueOf(view.miraklState())))));
        return cancelled;
    }

    private Optional<OrderView> cancel(String orderId, String actor, String reason, Map<String, String> more) {
        Optional<OrderView> view = orders.transitionIf(orderId, current -> current.state().isCancellable()
                ? Optional.of(TransitionRequest.to(OrderState.CANCELLED, actor, reason)
                        .withDetails(details(current, more)))
                : Optional.empty());
        if (view.isEmpty()) {
            return view;
        }
        cancelShipment(view.get());
        progress.advance(orderId);
        return view;
    }

    private Map<String, String> details(OrderView current, Map<String, String> more) {
        Map<String, String> details = new LinkedHashMap<>(more);
        if (current.shipment() != null) {
            details.put("shipment", current.shipment().carrier() + " " + current.shipment().trackingNumber());
            details.put("carrierCancel", canCancel(current.shipment().carrier()) ? "requested"
                    : "none: void by hand");
        }
        return details;
    }

    private boolean canCancel(String carrier) {
        return carriers.find(carrier).map(Carrier::canCancel).orElse(false);
    }

    private void cancelShipment(OrderView view) {
        Shipment shipment = view.shipment();
        if (shipment == null) {
            return;
        }
        if (!canCancel(shipment.carrier())) {
            voidByHand(view, "the carrier offers no cancellation");
            return;
        }
        try {
            carriers.get(shipment.carrier()).cancel(CreatedShipment.of(shipment.trackingNumber(),
                    shipment.carrierShipmentId()), view.orderId());
        } catch (CarrierException e) {
            LOG.warn("Order {} is cancelled but its shipment {} could not be cancelled at {}: {}", view.orderId(),
                    shipment.trackingNumber(), shipment.carrier(), e.getMessage());
            voidByHand(view, "the carrier refused to cancel it (" + e.getMessage() + ")");
        }
    }

    /** Never dropped silently: a shipment nobody can cancel here is someone's task, in the operations log. */
    private void voidByHand(OrderView view, String why) {
        Shipment shipment = view.shipment();
        operations.record(new OperationRecord(clock.instant(), "carrier", VOID_BY_HAND, view.orderId(),
                shipment.carrier(), OperationStatus.ERROR, "Order cancelled: void shipment "
                        + shipment.trackingNumber() + " by hand at " + shipment.carrier() + ", " + why
                        + " (not billed if never picked up)",
                Map.of("trackingNumber", shipment.trackingNumber())));
    }
}
