package io.shipbridge.tracking;

import io.shipbridge.storage.ShipmentIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves the shipments one run polled to the back of its carrier's polling line, but only where the line needs it.
 *
 * <p>A mark is a write (the shipment and its index entry), and most polls find nothing new. The line only orders
 * what the next run polls first, which matters when a run leaves shipments out: when it took a full batch (more may
 * be in flight than it polls) or stopped before the end of its batch. A run that polled every shipment in flight
 * leaves them all equally recently polled, so the ones with nothing new keep their places and cost nothing. Those
 * are held here until the run ends, and marked after all if it stops early, so the ones it did not reach come first
 * next time.
 */
final class PollMarks {
    private record Poll(ShipmentIndex.InFlightShipment shipment, Instant at) {
    }

    private final ShipmentIndex shipments;
    private final boolean batchFull;
    private final List<Poll> unmarked = new ArrayList<>();

    /** @param batchFull whether the run took as many shipments as a batch holds, so others may be waiting */
    PollMarks(ShipmentIndex shipments, boolean batchFull) {
        this.shipments = shipments;
        this.batchFull = batchFull;
    }

    void polledWithNothingNew(ShipmentIndex.InFlightShipment shipment, Instant at) {
        if (batchFull) {
            shipments.markPolled(shipment, at, shipment.lastEventAt());
        } else {
            unmarked.add(new Poll(shipment, at));
        }
    }

    void runStoppedEarly() {
        for (Poll poll : unmarked) {
            shipments.markPolled(poll.shipment(), poll.at(), poll.shipment().lastEventAt());
        }
        unmarked.clear();
    }
}
