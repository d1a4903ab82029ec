package io.shipbridge.tracking;

import io.shipbridge.carrier.TrackingStatus;
import io.shipbridge.fulfilment.OrderProgress;
import io.shipbridge.order.OrderView;
import io.shipbridge.order.TrackingProgress;
import io.shipbridge.storage.OrderStore;
import io.shipbridge.storage.ShipmentIndex;
import io.shipbridge.storage.TrackingEventStore;
import java.util.Optional;
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

    /** Deliveries of an event for an unknown tracking number before it is recorded as unmatched (of 5). */
    public static final int UNMATCHED_AFTER_RECEIVES = 3;

    /** What the update did. */
    public enum Outcome {
        APPLIED, DUPLICATE, UNRECOGNISED, UNMATCHED
    }

    public Outcome apply(TrackingUpdate update) {
        return apply(update, 1);
    }

    /**
     * @param receiveCount how many times the queue has delivered this update: an unknown tracking number is usual on
     *                     the first deliveries (a scan reported before the shipment was indexed), so it is left for
     *                     redelivery; after {@link #UNMATCHED_AFTER_RECEIVES} it is recorded apart, not looped into
     *                     the dead-letter queue
     * @throws UnknownShipmentException while the tracking number is unknown and deliveries remain
     */
    public Outcome apply(TrackingUpdate update, int receiveCount) {
        update.validate();
        Optional<String> known = shipments.orderOf(update.carrier(), update.trackingNumber());
        if (known.isEmpty()) {
            if (receiveCount < UNMATCHED_AFTER_RECEIVES) {
                throw new UnknownShipmentException(update.carrier(), update.trackingNumber());
            }
            boolean fresh = events.recordUnmatched(update);
            LOG.warn("Tracking event {} ({} {}) of {} is for a tracking number no shipment has; recorded as"
                    + " unmatched{}", update.eventId(), update.status().code(), update.rawCode(), update.carrier(),
                    fresh ? "" : " (again)");
            return Outcome.UNMATCHED;
        }
        String orderId = known.get();
        MDC.put("correlation_id", orderId);
        try {
            boolean fresh = events.record(orderId, update);
            if (update.status() == TrackingStatus.UNKNOWN) {
                // Kept with its raw code, but it says nothing the view could use: a known status is not overwritten.
                LOG.warn("Tracking event {} has code {} that the {} table does not know; recorded, status kept",
                        update.eventId(), update.rawCode(), update.carrier());
                return fresh ? Outcome.UNRECOGNISED : Outcome.DUPLICATE;
            }
            // Applied even for a duplicate: a delivery whose first processing stopped halfway is completed here.
            // The view is written only when the event adds to it (a write DynamoDB refuses is billed too).
            OrderView view = orders.get(orderId);
            boolean delivered = update.status() == TrackingStatus.DELIVERED;
            TrackingProgress folded = view.tracking().with(update.status().code(), update.rawCode(),
                    update.occurredAt(), update.status().isScan(), delivered);
            if (!folded.equals(view.tracking())) {
                orders.recordCarrierProgress(orderId, update.status().code(), update.rawCode(), update.occurredAt(),
                        update.status().isScan(), delivered);
                view = view.withTracking(folded);
            }
            view = progress.advance(view);
            LOG.info("Tracking event {} ({} {}) {} for order {}, now {}", update.eventId(), update.status().code(),
                    update.rawCode(), fresh ? "applied" : "was a duplicate", orderId, view.state());
            return fresh ? Outcome.APPLIED : Outcome.DUPLICATE;
        } finally {
            MDC.remove("correlation_id");
        }
    }
}
