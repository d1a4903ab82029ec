package io.shipbridge.local.sim.carrier;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * When a shipment's milestones come after it is recorded, in simulated time: each step takes between its base and
 * base + spread, drawn per shipment.
 */
public record DeliveryTimeline(Duration pickup, Duration outForDelivery, Duration delivered, Duration spread) {

    /** A same-day courier: collected within the hour, out for delivery two hours later, then delivered. */
    public static final DeliveryTimeline SAME_DAY = new DeliveryTimeline(Duration.ofMinutes(30), Duration.ofHours(2),
            Duration.ofMinutes(45), Duration.ofMinutes(45));

    /** The milestones of a shipment recorded at {@code recordedAt}; those its trouble prevents are left out. */
    public Map<Milestone, Instant> plan(Instant recordedAt, Trouble trouble, RandomGenerator random) {
        Map<Milestone, Instant> plan = new EnumMap<>(Milestone.class);
        plan.put(Milestone.RECORDED, recordedAt);
        if (trouble == Trouble.NOT_COLLECTED) {
            return plan;
        }
        Instant pickedUp = recordedAt.plus(draw(pickup, random));
        Instant out = pickedUp.plus(draw(outForDelivery, random));
        plan.put(Milestone.PICKED_UP, pickedUp);
        plan.put(Milestone.OUT_FOR_DELIVERY, out);
        if (trouble != Trouble.NOT_DELIVERED) {
            plan.put(Milestone.DELIVERED, out.plus(draw(delivered, random)));
        }
        return plan;
    }

    private Duration draw(Duration base, RandomGenerator random) {
        return base.plusSeconds(spread.isZero() ? 0 : random.nextLong(spread.toSeconds() + 1));
    }
}
