package io.shipbridge.local.sim.carrier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A shipment a simulated carrier recorded: its numbers, our reference, where it goes, its planned milestones, and
 * whether it was cancelled (a cancelled shipment never moves again).
 *
 * @param carrierShipmentId the carrier's own id when it is not the tracking number (may be null)
 * @param request           what the carrier was sent, in its own format (for tests to read)
 */
public record SimulatedShipment(String carrier, String trackingNumber, String carrierShipmentId, String reference,
        String postcode, String countryCode, int parcels, ObjectNode request, Map<Milestone, Instant> plan,
        boolean[] cancelled) {

    public Instant recordedAt() {
        return plan.get(Milestone.RECORDED);
    }

    public boolean isCancelled() {
        return cancelled[0];
    }

    void cancel() {
        cancelled[0] = true;
    }

    /** The milestones reached by {@code now}, oldest first, with when each came. */
    public List<Map.Entry<Milestone, Instant>> reachedBy(Instant now) {
        List<Map.Entry<Milestone, Instant>> reached = new ArrayList<>();
        for (Map.Entry<Milestone, Instant> step : plan.entrySet()) {
            if (!step.getValue().isAfter(now) && (step.getKey() == Milestone.RECORDED || !isCancelled())) {
                reached.add(Map.entry(step.getKey(), step.getValue()));
            }
        }
        return reached;
    }

    /** Whether the courier has it already (a carrier refuses to cancel it then). */
    public boolean collectedBy(Instant now) {
        Instant pickedUp = plan.get(Milestone.PICKED_UP);
        return pickedUp != null && !pickedUp.isAfter(now) && !isCancelled();
    }
}
