package io.shipbridge.local.sim.carrier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.local.sim.KeyedRandom;
import io.shipbridge.local.time.SimulatedTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The shipments one simulated carrier has recorded, each with its delivery plan in simulated time. */
public final class ShipmentBook {
    private final String carrier;
    private final SimulatedTime time;
    private final KeyedRandom random;
    private final DeliveryTimeline timeline;
    private final Troubles troubles;
    private final List<SimulatedShipment> shipments = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, SimulatedShipment> byTrackingNumber = new ConcurrentHashMap<>();
    private final Map<String, SimulatedShipment> byCarrierId = new ConcurrentHashMap<>();
    private final Map<String, List<SimulatedShipment>> byReference = new ConcurrentHashMap<>();

    public ShipmentBook(String carrier, SimulatorContext context) {
        this.carrier = carrier;
        this.time = context.time();
        this.random = new KeyedRandom(context.random());
        this.timeline = context.timeline();
        this.troubles = context.troubles();
    }

    /** Records a shipment now; its milestones follow the timeline, or stop where its order's trouble says. */
    public synchronized SimulatedShipment record(String trackingNumber, String carrierShipmentId, String reference,
            String postcode, String countryCode, int parcels, ObjectNode request) {
        SimulatedShipment shipment = new SimulatedShipment(carrier, trackingNumber, carrierShipmentId, reference,
                postcode, countryCode, parcels, request, timeline.plan(time.instant(), troubles.of(reference),
                        random.forKey(reference)),
                new boolean[] {false});
        shipments.add(shipment);
        byTrackingNumber.put(trackingNumber, shipment);
        if (carrierShipmentId != null) {
            byCarrierId.put(carrierShipmentId, shipment);
        }
        if (reference != null) {
            byReference.computeIfAbsent(reference, r -> new CopyOnWriteArrayList<>()).add(shipment);
        }
        return shipment;
    }

    /**
     * What a scripted trouble does to a call about this reference.
     *
     * @param records whether the call records a shipment
     */
    public SimulatedEndpoint.Scripted scripted(String reference, boolean records) {
        Trouble trouble = troubles.of(reference);
        if (trouble == Trouble.DOWN) {
            return records ? SimulatedEndpoint.Scripted.DOWN : SimulatedEndpoint.Scripted.NONE;
        }
        if (trouble == Trouble.UNREACHABLE_AFTER_RECORDING) {
            return !forReference(reference).isEmpty() ? SimulatedEndpoint.Scripted.DOWN
                    : records ? SimulatedEndpoint.Scripted.ANSWER_LOST : SimulatedEndpoint.Scripted.NONE;
        }
        return SimulatedEndpoint.Scripted.NONE;
    }

    public List<SimulatedShipment> all() {
        synchronized (shipments) {
            return List.copyOf(shipments);
        }
    }

    /** The shipments recorded under a reference and not cancelled. */
    public List<SimulatedShipment> forReference(String reference) {
        List<SimulatedShipment> recorded = reference == null ? null : byReference.get(reference);
        return recorded == null ? List.of() : recorded.stream().filter(s -> !s.isCancelled()).toList();
    }

    public Optional<SimulatedShipment> byTrackingNumber(String trackingNumber) {
        return Optional.ofNullable(trackingNumber == null ? null : byTrackingNumber.get(trackingNumber));
    }

    public Optional<SimulatedShipment> byCarrierId(String carrierShipmentId) {
        return Optional.ofNullable(carrierShipmentId == null ? null : byCarrierId.get(carrierShipmentId));
    }

    /**
     * Keeps a shipment recorded only, as carriers that collect the day's shipments after a hand-over do: no milestone
     * comes until {@link #handedOver}.
     */
    public void holdUntilHandover(SimulatedShipment shipment) {
        synchronized (shipment) {
            shipment.plan().keySet().removeIf(milestone -> milestone != Milestone.RECORDED);
        }
    }

    /** The shipment was handed over now: its milestones follow the timeline from now (or stop where its trouble says). */
    public synchronized void handedOver(SimulatedShipment shipment) {
        Map<Milestone, Instant> plan = timeline.plan(time.instant(), troubles.of(shipment.reference()),
                random.forKey(shipment.reference() + "/handed-over"));
        plan.remove(Milestone.RECORDED);
        synchronized (shipment) {
            shipment.plan().putAll(plan);
        }
    }

    /** Cancels a shipment the courier has not collected; false when it has (or it is unknown). */
    public synchronized boolean cancel(SimulatedShipment shipment) {
        if (shipment.collectedBy(time.instant())) {
            return false;
        }
        shipment.cancel();
        return true;
    }

    /** How many shipments were recorded, cancelled ones included. */
    public int created() {
        return shipments.size();
    }
}
