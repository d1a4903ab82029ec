package io.shipbridge.local.time;

import io.shipbridge.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Time in the offline cloud: a clock that runs {@code scale} times faster than the wall clock from a chosen start,
 * and waits and timers measured in that time. At scale 1 it is real time; at scale 3600 an hour passes in a second,
 * so a five-minute schedule, a two-day delivery or a retry backoff does not slow a demo or a test.
 */
public final class SimulatedTime extends Clock implements AutoCloseable {
    private final Instant start;
    private final long startNanos;
    private final double scale;
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2,
            Thread.ofPlatform().daemon().name("simulated-timer-", 0).factory());

    public SimulatedTime(Instant start, double scale) {
        if (scale <= 0) {
            throw new IllegalArgumentException("Time scale must be positive, was " + scale);
        }
        this.start = start;
        this.startNanos = System.nanoTime();
        this.scale = scale;
    }

    public double scale() {
        return scale;
    }

    @Override
    public Instant instant() {
        long elapsed = System.nanoTime() - startNanos;
        return start.plusNanos((long) (elapsed * scale));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /** How long a simulated duration lasts on the wall clock. */
    public Duration real(Duration simulated) {
        return Duration.ofNanos((long) (simulated.toNanos() / scale));
    }

    /** How much simulated time a wall-clock duration is. */
    public Duration simulated(Duration real) {
        return Duration.ofNanos((long) (real.toNanos() * scale));
    }

    public void sleep(Duration simulated) throws InterruptedException {
        long nanos = real(simulated).toNanos();
        if (nanos > 0) {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    }

    /** Waits measured in this time, for code that takes a {@link Sleeper}. */
    public Sleeper sleeper() {
        return this::sleep;
    }

    public ScheduledFuture<?> schedule(Duration simulatedDelay, Runnable task) {
        return timers.schedule(task, Math.max(0, real(simulatedDelay).toNanos()), TimeUnit.NANOSECONDS);
    }

    public ScheduledFuture<?> every(Duration simulatedPeriod, Runnable task) {
        long period = Math.max(1, real(simulatedPeriod).toNanos());
        return timers.scheduleAtFixedRate(task, period, period, TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}
