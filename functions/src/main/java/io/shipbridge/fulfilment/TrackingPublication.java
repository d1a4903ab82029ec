package io.shipbridge.fulfilment;

import io.shipbridge.carrier.CarrierProfile;
import io.shipbridge.mirakl.MiraklCarrierDirectory;
import io.shipbridge.mirakl.MiraklClient;
import io.shipbridge.mirakl.MiraklOrder;
import io.shipbridge.mirakl.MiraklOrderStates;
import io.shipbridge.mirakl.MiraklRejectedException;
import io.shipbridge.mirakl.MiraklTracking;
import io.shipbridge.order.IllegalTransitionException;
import io.shipbridge.order.OrderCancelledException;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.order.Shipment;
import io.shipbridge.order.TransitionRequest;
import io.shipbridge.storage.OrderStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tells Mirakl the order shipped: OR23 (tracking) then OR24 (confirm), each once. OR23's success is recorded before
 * OR24 is tried, so a retry after an OR24 failure does not send the tracking again; an order Mirakl already shows as
 * SHIPPED (our own earlier call whose answer was lost) counts as success. A refusal because Mirakl cancelled the order
 * meanwhile ends the execution as cancelled; the next fetch records the cancellation, with the carrier's credentials
 * this function does not hold to cancel the shipment, as it does for every order cancelled after it shipped.
 */
public final class TrackingPublication {
    private static final String STEP = "PushTracking";

    private final OrderStore orders;
    private final MiraklClient mirakl;
    private final MiraklCarrierDirectory directory;
    private final Map<String, CarrierProfile> carriers;
    private final Clock clock;

    /** @param carriers the profiles of the carriers shipments can be with, by id */
    public TrackingPublication(OrderStore orders, MiraklClient mirakl, MiraklCarrierDirectory directory,
            Map<String, CarrierProfile> carriers, Clock clock) {
        this.orders = orders;
        this.mirakl = mirakl;
        this.directory = directory;
        this.carriers = Map.copyOf(carriers);
        this.clock = clock;
    }

    public OrderView publish(String orderId) {
        OrderView view = orders.get(orderId);
        if (view.state() == OrderState.CANCELLED) {
            throw new OrderCancelledException(orderId);
        }
        if (!view.state().isFailure() && view.state().hasReached(OrderState.MIRAKL_OK)) {
            return view;
        }
        if (view.state() != OrderState.TRACKED) {
            throw new IllegalTransitionException(orderId, view.state(), OrderState.MIRAKL_OK);
        }
        Shipment shipment = view.shipment();
        MiraklTracking tracking = trackingOf(shipment);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("trackingNumber", shipment.trackingNumber());
        details.put(tracking.carrierCode() != null ? "carrierCode" : "carrierName",
                tracking.carrierCode() != null ? tracking.carrierCode() : tracking.carrierName());
        if (view.trackingSentAt() == null) {
            try {
                mirakl.updateTracking(orderId, tracking);
            } catch (MiraklRejectedException e) {
                requireShippedOnMirakl(orderId, e);
                details.put("or23", "skipped: already SHIPPED on Mirakl");
            }
            orders.recordTrackingSent(orderId, clock.instant());
        }
        try {
            mirakl.confirmShipment(orderId);
        } catch (MiraklRejectedException e) {
            requireShippedOnMirakl(orderId, e);
            details.put("or24", "already SHIPPED on Mirakl");
        }
        return orders.transition(orders.get(orderId), TransitionRequest.to(OrderState.MIRAKL_OK,
                Actors.workflow(STEP), "Tracking sent (OR23) and shipment confirmed (OR24) on Mirakl")
                .withDetails(details));
    }

    private MiraklTracking trackingOf(Shipment shipment) {
        CarrierProfile carrier = carriers.get(shipment.carrier());
        if (carrier == null) {
            throw new IllegalStateException("No profile for carrier " + shipment.carrier() + " in this function's"
                    + " settings (known: " + carriers.keySet() + ")");
        }
        Optional<String> code = directory.codeOf(carrier.id(), carrier.displayName());
        return code.map(c -> MiraklTracking.registered(c, shipment.trackingNumber()))
                .orElseGet(() -> MiraklTracking.unregistered(carrier.displayName(),
                        carrier.trackingUrl(shipment.trackingNumber()), shipment.trackingNumber()));
    }

    /** The refusal stands unless Mirakl shows the order shipped already (done) or cancelled (nothing left to do). */
    private void requireShippedOnMirakl(String orderId, MiraklRejectedException refusal) {
        MiraklOrder current = mirakl.getOrder(orderId).orElseThrow(() -> refusal);
        if (MiraklOrderStates.isCancelled(current.orderState())) {
            throw new OrderCancelledException(orderId);
        }
        if (!MiraklOrderStates.isShippedOrLater(current.orderState())) {
            throw refusal;
        }
    }
}
