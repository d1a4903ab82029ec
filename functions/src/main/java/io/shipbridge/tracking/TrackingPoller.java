package io.shipbridge.tracking;

import io.shipbridge.carrier.Carrier;
import io.shipbridge.carrier.CarrierException;
import io.shipbridge.carrier.CarrierModule;
import io.shipbridge.carrier.Carriers;
import io.shipbridge.carrier.TrackingEvent;
import io.shipbridge.config.Config;
import io.shipbridge.http.Sleeper;
import io.shipbridge.storage.ShipmentIndex;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks carriers that only offer tracking by polling about their in-flight shipments, least recently polled first,
 * in batches, never faster than each carrier's call limit, and queues the events not queued before.
 */
public final class TrackingPoller {
    private static final Logger LOG = LoggerFactory.getLogger(TrackingPoller.class);

    private final Carriers carriers;
    private final Config config;
    private final ShipmentIndex shipments;
    private final TrackingQueue queue;
    private final Clock clock;
    private final Sleeper sleeper;
    private final int batchSize;

    /** @param config the settings the carriers read their call limits from */
    public TrackingPoller(Carriers carriers, Config config, ShipmentIndex shipments, TrackingQueue queue, Clock clock,
            Sleeper sleeper, int batchSize) {
        this.carriers = carriers;
        this.config = config;
        this.shipments = shipments;
        this.queue = queue;
        this.clock = clock;
        this.sleeper = sleeper;
        this.batchSize = batchSize;
    }

    /** What one run did. */
    public record Summary(int polled, int failed, int queued) {
    }

    /** @param timeLeft false once the run must stop (the function is about to time out) */
    public Summary poll(BooleanSupplier timeLeft) {
        int polled = 0;
        int failed = 0;
        int queued = 0;
        for (CarrierModule module : carriers.modules()) {
            Optional<Integer> callsPerMinute = module.trackingCallsPerMinute(config);
            if (callsPerMinute.isEmpty()) {
                continue;
            }
            CallRate rate = new CallRate(callsPerMinute.get(), clock, sleeper);
            Carrier carrier = carriers.get(module.id());
            List<ShipmentIndex.InFlightShipment> line = shipments.inFlight(module.id(), batchSize);
            PollMarks marks = new PollMarks(shipments, line.size() >= batchSize);
            for (ShipmentIndex.InFlightShipment shipment : line) {
                if (!timeLeft.getAsBoolean()) {
                    marks.runStoppedEarly();
                    return new Summary(polled, failed, queued);
                }
                try {
                    rate.acquire();
                    List<TrackingEvent> events = carrier.track(shipment.trackingNumber());
                    polled++;
                    queued += queueNew(module.id(), shipment, events, marks);
                } catch (CarrierException e) {
                    failed++;
                    LOG.warn("Polling {} shipment {} failed: {}", module.id(), shipment.trackingNumber(),
                            e.getMessage());
                } catch (InterruptedException e) {
                    marks.runStoppedEarly();
                    Thread.currentThread().interrupt();
                    return new Summary(polled, failed, queued);
                }
            }
        }
        return new Summary(polled, failed, queued);
    }

    private int queueNew(String carrier, ShipmentIndex.InFlightShipment shipment, List<TrackingEvent> events,
            PollMarks marks) {
        Instant now = clock.instant();
        Instant newest = shipment.lastEventAt();
        List<TrackingUpdate> fresh = new ArrayList<>();
        for (TrackingEvent event : events) {
            if (shipment.lastEventAt() == null || event.occurredAt().isAfter(shipment.lastEventAt())) {
                fresh.add(TrackingUpdate.fromPoll(carrier, event, now));
                newest = newest == null || event.occurredAt().isAfter(newest) ? event.occurredAt() : newest;
            }
        }
        queue.send(fresh);
        if (fresh.isEmpty()) {
            marks.polledWithNothingNew(shipment, now);
        } else {
            shipments.markPolled(shipment, now, newest);
        }
        return fresh.size();
    }
}
