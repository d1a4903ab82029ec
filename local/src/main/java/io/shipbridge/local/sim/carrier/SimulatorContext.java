package io.shipbridge.local.sim.carrier;

import io.shipbridge.local.time.SimulatedTime;
import java.util.random.RandomGenerator;

/**
 * What a carrier simulator is started with.
 *
 * @param port   where to listen, 0 for any free port
 * @param bucket the seller's bucket, for carriers that exchange files (null where there is none)
 */
public record SimulatorContext(SimulatedTime time, RandomGenerator random, DeliveryTimeline timeline,
        Troubles troubles, int port, Bucket bucket) {

    /** For a carrier with an API: it needs no bucket. */
    public SimulatorContext(SimulatedTime time, RandomGenerator random, DeliveryTimeline timeline, Troubles troubles,
            int port) {
        this(time, random, timeline, troubles, port, null);
    }

    /** The seller's bucket, where a carrier exchanging files drops them (its own upload, in AWS). */
    @FunctionalInterface
    public interface Bucket {
        void put(String key, byte[] content);
    }
}
