package io.shipbridge.local.sim;

import java.util.random.RandomGenerator;

/**
 * Faults a simulator injects, each at its rate: throttling (429 with Retry-After), server errors (5xx), and
 * answers lost on the way (the request is carried out, the client gets a broken answer: as after its timeout, but at
 * once and whatever the machine's speed). Also how often a pushing carrier delivers the same webhook twice.
 */
public record Faults(double throttleRate, double serverErrorRate, double timeoutRate, double duplicateRate) {

    public static final Faults NONE = new Faults(0, 0, 0, 0);

    /** The same rate for every kind of fault, and the same for duplicate webhook deliveries. */
    public static Faults ofRate(double rate) {
        return new Faults(rate / 3, rate / 3, rate / 3, rate);
    }

    /** The fault to inject into one request, if any. */
    public Kind draw(RandomGenerator random) {
        double roll = random.nextDouble();
        if (roll < throttleRate) {
            return Kind.THROTTLE;
        }
        if (roll < throttleRate + serverErrorRate) {
            return Kind.SERVER_ERROR;
        }
        if (roll < throttleRate + serverErrorRate + timeoutRate) {
            return Kind.LATE;
        }
        return Kind.NONE;
    }

    public boolean duplicate(RandomGenerator random) {
        return random.nextDouble() < duplicateRate;
    }

    /** A fault for one request. */
    public enum Kind {
        NONE, THROTTLE, SERVER_ERROR, LATE
    }
}
