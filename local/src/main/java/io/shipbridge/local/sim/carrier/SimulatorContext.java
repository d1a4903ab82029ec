package io.shipbridge.local.sim.carrier;

import io.shipbridge.local.time.SimulatedTime;
import java.util.random.RandomGenerator;

/**
 * What a carrier simulator is started with.
 *
 * @param port where to listen, 0 for any free port
 */
public record SimulatorContext(SimulatedTime time, RandomGenerator random, DeliveryTimeline timeline,
        Troubles troubles, int port) {
}
