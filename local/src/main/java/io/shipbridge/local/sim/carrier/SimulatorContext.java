package io.shipbridge.local.sim.carrier;

import io.shipbridge.local.sim.Binding;
import io.shipbridge.local.time.SimulatedTime;
import java.util.random.RandomGenerator;

/**
 * What a carrier simulator is started with.
 *
 * @param port    where to listen, 0 for any free port
 * @param bucket  the seller's bucket, for carriers that exchange files (null where there is none)
 * @param binding the address it listens on and the host its base URL names
 */
public record SimulatorContext(SimulatedTime time, RandomGenerator random, DeliveryTimeline timeline,
        Troubles troubles, int port, Bucket bucket, Binding binding) {

    /** On loopback. */
    public SimulatorContext(SimulatedTime time, RandomGenerator random, DeliveryTimeline timeline, Troubles troubles,
            int port, Bucket bucket) {
        this(time, random, timeline, troubles, port, bucket, Binding.LOOPBACK);
    }

    /** For a carrier with an API, on loopback: it needs no bucket. */
    public SimulatorContext(SimulatedTime time, RandomGenerator random, DeliveryTimeline timeline, Troubles troubles,
            int port) {
        this(time, random, timeline, troubles, port, null, Binding.LOOPBACK);
    }

    /** The seller's bucket, where a carrier exchanging files drops them (its own upload, in AWS). */
    @FunctionalInterface
    public interface Bucket {
        void put(String key, byte[] content);
    }
}
