package io.shipbridge.tracking;

import io.shipbridge.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Spaces calls evenly to stay under a carrier's limit of calls per minute. */
final class CallRate {
    private final Duration spacing;
    private final Clock clock;
    private final Sleeper sleeper;
    private Instant next;

    CallRate(int callsPerMinute, Clock clock, Sleeper sleeper) {
        this.spacing = Duration.ofMinutes(1).dividedBy(Math.max(1, callsPerMinute));
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits until the next call is allowed. */
    void acquire() throws InterruptedException {
        Instant now = clock.instant();
        if (next != null && now.isBefore(next)) {
            sleeper.sleep(Duration.between(now, next));
            now = next;
        }
        next = now.plus(spacing);
    }
}
