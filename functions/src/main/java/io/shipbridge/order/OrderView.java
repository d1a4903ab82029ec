package io.shipbridge.order;

import java.time.Instant;

/**
 * The current view of an order: its state, a version that grows by one with every transition, and everything
 * learnt about it so far. The full story is in its status history.
 *
 * @param miraklState      the order's state on Mirakl when last fetched (an open vocabulary, kept as text)
 * @param miraklUpdatedAt  Mirakl's {@code last_updated_date} of that fetch
 * @param shipmentAttemptedAt when a shipment was first asked of the carrier: a retry looks it up before creating
 * @param trackingSentAt   when OR23 (tracking to Mirakl) succeeded, so a retry does not send it twice
 * @param executionName    the Step Functions execution that fulfils the order, once started
 * @param failureReason    why the order is in a FAILED_* state
 * @param recovery         the passing fault the order is waiting out, if it is
 */
public record OrderView(
        String orderId,
        OrderState state,
        long version,
        OrderState previousState,
        Instant createdAt,
        Instant updatedAt,
        Order order,
        String miraklState,
        Instant miraklUpdatedAt,
        CarrierChoice carrierChoice,
        Shipment shipment,
        Instant shipmentAttemptedAt,
        TrackingProgress tracking,
        Instant trackingSentAt,
        String executionName,
        String failureReason,
        Recovery recovery) {

    /** The same view with the carrier's progress as given (after recording it: no state or version changes). */
    public OrderView withTracking(TrackingProgress progress) {
        return new OrderView(orderId, state, version, previousState, createdAt, updatedAt, order, miraklState,
                miraklUpdatedAt, carrierChoice, shipment, shipmentAttemptedAt, progress, trackingSentAt,
                executionName, failureReason, recovery);
    }
}
