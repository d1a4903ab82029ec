package io.shipbridge.local.cloud;

import io.shipbridge.local.time.SimulatedTime;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Waiting, in end-to-end tests, for what the simulated world must come to: within a limit of simulated time, read at
 * the instants when all the cloud's work waits for the clock, so that the outcome is the same on any machine. The
 * wall-clock limit only guards against a hang.
 */
final class CloudWaits {
    /** The simulated time a story may take unless it says otherwise: longer than any timeout of the state machine. */
    static final Duration STORY_LIMIT = Duration.ofDays(4);
    private static final Duration HANG_GUARD = Duration.ofMinutes(5);

    private CloudWaits() {
    }

    static OrderState state(OfflineCloud cloud, String id) {
        return cloud.components().orders().find(id).map(OrderView::state).orElse(null);
    }

    static void await(OfflineCloud cloud, String what, BooleanSupplier condition) throws InterruptedException {
        await(cloud, what, STORY_LIMIT, condition);
    }

    static void await(OfflineCloud cloud, String what, Duration simulatedLimit, BooleanSupplier condition)
            throws InterruptedException {
        Instant from = cloud.time().instant();
        if (!cloud.time().expect(condition, from.plus(simulatedLimit), HANG_GUARD)) {
            throw new AssertionError("Never came: " + what + ", within " + simulatedLimit + " of simulated time from "
                    + from);
        }
    }

    /**
     * Waits as {@link #await} and returns the clock held at the instant the condition came: what the test does before
     * it closes the hold happens then, before any other work.
     */
    static SimulatedTime.Hold awaitAndHold(OfflineCloud cloud, String what, BooleanSupplier condition)
            throws InterruptedException {
        return awaitAndHold(cloud, what, condition, null);
    }

    /**
     * As {@link #awaitAndHold(OfflineCloud, String, BooleanSupplier)}, letting go of {@code holding} (the test's own
     * hold, taken before it set the story going) once the condition is watched: the test cannot miss a passing state.
     */
    static SimulatedTime.Hold awaitAndHold(OfflineCloud cloud, String what, BooleanSupplier condition,
            SimulatedTime.Hold holding) throws InterruptedException {
        Instant from = cloud.time().instant();
        SimulatedTime.Hold held = cloud.time().expectHolding(condition, from.plus(STORY_LIMIT), HANG_GUARD, holding);
        if (held == null) {
            throw new AssertionError("Never came: " + what + ", within " + STORY_LIMIT + " of simulated time from "
                    + from);
        }
        return held;
    }
}
