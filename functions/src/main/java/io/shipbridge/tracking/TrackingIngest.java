package io.shipbridge.tracking;

import io.shipbridge.carrier.TrackingStatus;
import io.shipbridge.fulfilment.OrderProgress;
import io.shipbridge.order.OrderView;
import io.shipbridge.storage.OrderStore;
import io.shipbridge.storage.ShipmentIndex;
import io.shipbridge.storage.TrackingEventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Applies one tracking update to its order. The event is recorded once per event id; the order's view folds it in
 * (first scan and delivery kept once, the latest status only moving forward in carrier time); then the order moves
 * on if the event calls for it and a waiting execution is resumed. Every step is idempotent, so a redelivered or
 * duplicate event changes nothing, and an old event arriving late never moves an order back.
 */
public final class TrackingIngest {
    private static final Logger LOG = LoggerFactory.getLogger(TrackingIngest.class);

    private final ShipmentIndex shipments;
    private final TrackingEventStore events;
    private final OrderStore orders;
    private final OrderProgress progress;

    public TrackingIngest(ShipmentIndex shipments, TrackingEventStore events, OrderStore orders,
            OrderProgress progress) {
        this.shipments = shipments;
        this.events = events;
        this.orders = orders;
        this.progress = progress;
    }

    /** What the update did. */
    public enum Outcome {
        APPLIED, DUPLICATE
    }

    public Outcome apply(TrackingUpdate update) {
        update.validate();
        String orderId = shipments.orderOf(update.carrier(), update.trackingNumber())
                .orElseThrow(() -> new UnknownShipmentException(update.carrier(), update.trackingNumber()));
        MDC.put("correlation_id", orderId);
        try {
            boolean fresh = events.record(orderId, update);
            // Applied even for a duplicate: a delivery whose first processing stopped halfway is completed here.
            orders.recordCarrierProgress(orderId, update.status().code(), update.rawCode(), update.occurredAt(),
                    update.status().isScan(), update.status() == TrackingStatus.DELIVERED);
            OrderView view = progress.advance(orderId);
            LOG.info("Tracking event {} ({} {}) {} for order {}, now {}", update.eventId(), update.status().code(),
                    update.rawCode(), fresh ? "applied" : "was a duplicate", orderId, view.state());
            return fresh ? Outcome.APPLIED : Outcome.DUPLICATE;
        } finally {
            MDC.remove("correlation_id");
        }
    }
}
