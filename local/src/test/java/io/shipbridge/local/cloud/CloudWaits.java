package io.shipbridge.local.cloud;

import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting, in end-to-end tests, for what the simulated world must come to. */
final class CloudWaits {
    private CloudWaits() {
    }

    static OrderState state(OfflineCloud cloud, String id) {
        return cloud.components().orders().find(id).map(OrderView::state).orElse(null);
    }

    /** The wall-clock limit only guards against a hang: the outcome never depends on it. */
    static void await(OfflineCloud cloud, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Never came: " + what + " (simulated time " + cloud.time().instant() + ")");
            }
            Thread.sleep(50);
        }
    }
}
