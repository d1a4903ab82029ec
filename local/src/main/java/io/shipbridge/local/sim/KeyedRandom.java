package io.shipbridge.local.sim;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Random draws that belong to one thing (an order, a shipment) rather than to the order in which things happen: each
 * key gets a generator of its own, seeded from the simulator's seed and the key. Work done at one simulated instant
 * runs in whatever order the threads find; drawn by key, an order's debit delay or a parcel's delivery plan is the same
 * in every run of a seed.
 */
public final class KeyedRandom {
    private final long seed;

    /** Takes its seed from {@code source}, once. */
    public KeyedRandom(RandomGenerator source) {
        this.seed = source.nextLong();
    }

    public RandomGenerator forKey(String key) {
        long hash = 1125899906842597L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash = 31 * hash + b;
        }
        return new SplittableRandom(seed ^ hash);
    }
}
