package io.shipbridge.http;

import java.time.Duration;
import java.util.List;

/**
 * How long to wait before each retry: 1, 2, 4, 8, 16 seconds (the seeds' schedule), then 16 seconds again.
 * With at most three attempts per call, a call waits 1 s then 2 s.
 */
public final class Backoff {
    public static final int MAX_ATTEMPTS = 3;
    private static final List<Duration> SCHEDULE = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16));

    private Backoff() {
    }

    /** The wait after failed attempt number {@code attempt} (1-based). */
    public static Duration afterAttempt(int attempt) {
        return SCHEDULE.get(Math.min(attempt, SCHEDULE.size()) - 1);
    }
}
