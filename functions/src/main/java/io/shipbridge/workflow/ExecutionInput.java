package io.shipbridge.workflow;

/**
 * The input of an order's execution. The state machine reads its callback timeouts from here
 * ({@code TimeoutSecondsPath}), so each deployment sets them without editing the definition.
 */
public record ExecutionInput(String orderId, Timeouts timeouts) {

    /** How long the execution waits for each callback before failing the order. */
    public record Timeouts(long shippingSeconds, long firstScanSeconds, long deliverySeconds) {
    }
}
