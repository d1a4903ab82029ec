package io.shipbridge.workflow;

/**
 * The input of an order's execution. The state machine reads its callback timeouts from here
 * ({@code TimeoutSecondsPath}), so each deployment sets them without editing the definition.
 */
public record ExecutionInput(String orderId, Timeouts timeouts) {

    /**
     * How long the execution waits for each callback before failing the order: whole, positive seconds, since
     * Step Functions fails an execution whose TimeoutSecondsPath gives anything else, with an error no Catch takes.
     */
    public record Timeouts(long shippingSeconds, long firstScanSeconds, long deliverySeconds) {

        public Timeouts {
            if (shippingSeconds < 1 || firstScanSeconds < 1 || deliverySeconds < 1) {
                throw new IllegalStateException("SHIPPING_WAIT_SECONDS, FIRST_SCAN_TIMEOUT_SECONDS and"
                        + " DELIVERY_TIMEOUT_SECONDS must be positive whole numbers of seconds, were " + shippingSeconds
                        + ", " + firstScanSeconds + ", " + deliverySeconds);
            }
        }
    }
}
