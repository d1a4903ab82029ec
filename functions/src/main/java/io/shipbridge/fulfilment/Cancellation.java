package io.shipbridge.fulfilment;

import io.shipbridge.carrier.Carrier;
import io.shipbridge.carrier.CarrierException;
import io.shipbridge.carrier.Carriers;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.operations.OperationStatus;
import io.shipbridge.operations.OperationsLog;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.order.TransitionRequest;
import io.shipbridge.storage.OrderStore;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mirakl cancelled or refused an order: the order ends CANCELLED, a shipment already created is cancelled at the
 * carrier where the carrier allows it, and a waiting execution is stopped through its wait.
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

    /** @return true when this call cancelled the order; false when it was past cancelling or cancelled already */
    public boolean cancel(String orderId, String miraklState, String reasonCode) {
        TransitionRequest cancelled = TransitionRequest.to(OrderState.CANCELLED, Actors.MIRAKL, "Order " + miraklState
                + " on Mirakl" + (reasonCode == null ? "" : " (reason " + reasonCode + ")"))
                .withDetails(Map.of("miraklState", miraklState));
        Optional<OrderView> view = orders.transitionIf(orderId,
                current -> current.state().isCancellable() ? Optional.of(cancelled) : Optional.empty());
        if (view.isEmpty()) {
            return false;
        }
        cancelShipment(view.get());
        progress.advance(orderId);
        return true;
    }

    private void cancelShipment(OrderView view) {
        if (view.shipment() == null) {
            return;
        }
        Optional<Carrier> carrier = carriers.find(view.shipment().carrier());
        if (carrier.isEmpty() || !carrier.get().canCancel()) {
            operations.record(new OperationRecord(clock.instant(), "carrier", "cancel_shipment", view.orderId(),
                    view.shipment().carrier(), OperationStatus.SKIPPED,
                    "Carrier offers no cancellation: shipment " + view.shipment().trackingNumber()
                            + " stays at the carrier (not billed if never picked up)", Map.of()));
            return;
        }
        try {
            carrier.get().cancel(view.shipment().trackingNumber());
        } catch (CarrierException e) {
            LOG.warn("Order {} is cancelled but its shipment {} could not be cancelled at {}: {}", view.orderId(),
                    view.shipment().trackingNumber(), view.shipment().carrier(), e.getMessage());
        }
    }
}
