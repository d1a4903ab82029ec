package io.shipbridge.operations;

import java.time.Instant;
import java.util.Map;

/**
 * One row of the operations log, one per external call: the seed's "Operations CSV" columns
 * ({@code timestamp, scope, action, order_id, carrier, status, message, meta}).
 *
 * @param scope  {@code mirakl}, {@code carrier} or {@code webhook}
 * @param action what was done, e.g. {@code fetch_order}, {@code create_shipment}, {@code update_tracking}
 * @param meta   numbers and codes that explain the row (HTTP status, attempt, duration_ms, error): never secrets
 */
public record OperationRecord(
        Instant timestamp,
        String scope,
        String action,
        String orderId,
        String carrier,
        OperationStatus status,
        String message,
        Map<String, Object> meta) {

    public OperationRecord {
        meta = meta == null ? Map.of() : Map.copyOf(meta);
    }
}
