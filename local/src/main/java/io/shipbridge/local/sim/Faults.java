package io.shipbridge.local.sim;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Faults a simulator injects, each at its rate: throttling (429 with Retry-After), server errors (5xx), and
 * responses that come too late for the client (the request is carried out, the answer is lost). Also how often
 * a pushing carrier delivers the same webhook twice.
 */
public record Faults(double throttleRate, double serverErrorRate, double timeoutRate, double duplicateRate,
        Duration lateBy) {

    public static final Faults NONE = new Faults(0, 0, 0, 0, Duration.ofSeconds(3));

    /** The same rate for every kind of fault, and the same for duplicate webhook deliveries. */
    public static Faults ofRate(double rate, Duration lateBy) {
        return new Faults(rate / 3, rate / 3, rate / 3, rate, lateBy);
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

    /** Holds a late answer back until the client has given up waiting (wall-clock time: clients time out in it). */
    public void holdLateAnswer() {
        try {
            Thread.sleep(lateBy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean duplicate(RandomGenerator random) {
        return random.nextDouble() < duplicateRate;
    }

    /** A fault for one request. */
    public enum Kind {
        NONE, THROTTLE, SERVER_ERROR, LATE
    }
}
