package io.shipbridge.local.cloud;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * An HTTP API route's throttle as API Gateway applies it: a token bucket holding up to {@code burst} requests,
 * refilled at {@code ratePerSecond}; a request finding it empty is answered 429. Kept in simulated time, as every
 * rate of the offline cloud is: a demo compressing days of webhooks into minutes is throttled as those days would
 * be (run the cloud at time scale 1 to meet the throttle in real time).
 */
final class RouteThrottle {
    private final double ratePerSecond;
    private final double burst;
    private double tokens;
    private final Clock clock;
    private Instant refilledAt;

    RouteThrottle(double ratePerSecond, int burst, Clock clock) {
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.tokens = burst;
        this.clock = clock;
        this.refilledAt = clock.instant();
    }

    static RouteThrottle unlimited() {
        return new RouteThrottle(Double.POSITIVE_INFINITY, Integer.MAX_VALUE, Clock.systemUTC());
    }

    double ratePerSecond() {
        return ratePerSecond;
    }

    synchronized boolean tryAcquire() {
        Instant now = clock.instant();
        long elapsedNanos = Math.max(0, Duration.between(refilledAt, now).toNanos());
        tokens = Math.min(burst, tokens + elapsedNanos / 1e9 * ratePerSecond);
        refilledAt = now;
        if (tokens < 1) {
            return false;
        }
        tokens--;
        return true;
    }

    @Override
    public String toString() {
        return ratePerSecond + "/s, burst " + (long) burst;
    }
}
