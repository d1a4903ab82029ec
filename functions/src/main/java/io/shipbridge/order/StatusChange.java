package io.shipbridge.order;

import java.time.Instant;
import java.util.Map;

/**
 * One row of an order's append-only status history.
 *
 * @param sequence the view version this change produced: 1 for the order's creation, then +1 per transition
 * @param from     null for the creation row
 * @param actor    who made the change: {@code mirakl}, {@code carrier:tipsa}, {@code workflow:AcceptOrder}...
 */
public record StatusChange(
        String orderId,
        long sequence,
        Instant at,
        OrderState from,
        OrderState to,
        String actor,
        String reason,
        Map<String, String> details) {

    public StatusChange {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
