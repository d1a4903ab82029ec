package io.shipbridge.local.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SimulatedTimeTest {
    private static final Instant START = Instant.parse("2026-11-20T08:00:00Z");

    @Test
    void skipsToTheNextTimerAndFiresIt() throws Exception {
        try (SimulatedTime time = new SimulatedTime(START, 1)) {
            CompletableFuture<Instant> firedAt = new CompletableFuture<>();
            time.schedule(Duration.ofHours(2), () -> firedAt.complete(time.instant()));
            time.schedule(Duration.ofHours(5), () -> { });

            assertThat(time.quiet()).isTrue();
            assertThat(time.skipToNextEvent()).isTrue();

            Instant fired = firedAt.get(5, TimeUnit.SECONDS);
            assertThat(fired).isBetween(START.plus(Duration.ofHours(2)), START.plus(Duration.ofHours(2).plusSeconds(5)));
            assertThat(time.instant()).isBefore(START.plus(Duration.ofHours(5)));
        }
    }

    @Test
    void skipsToTheNextSleeperAndWakesIt() throws Exception {
        try (SimulatedTime time = new SimulatedTime(START, 1)) {
            time.schedule(Duration.ofHours(9), () -> { });
            CompletableFuture<Instant> wokeAt = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try {
                    time.sleepUntil(START.plus(Duration.ofHours(3)));
                    wokeAt.complete(time.instant());
                } catch (InterruptedException e) {
                    wokeAt.completeExceptionally(e);
                }
            });
            Thread.sleep(200);
            while (time.instant().isBefore(START.plus(Duration.ofHours(3)))) {
                time.skipToNextEvent();
                Thread.sleep(1);
            }

            assertThat(wokeAt.get(5, TimeUnit.SECONDS)).isBetween(START.plus(Duration.ofHours(3)),
                    START.plus(Duration.ofHours(3).plusSeconds(5)));
            assertThat(time.instant()).isBefore(START.plus(Duration.ofHours(9)));
        }
    }

    @Test
    void isNotQuietWhileADueTimerRuns() throws Exception {
        try (SimulatedTime time = new SimulatedTime(START, 1)) {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            time.schedule(Duration.ofMinutes(1), () -> {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            time.skipToNextEvent();
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

            assertThat(time.quiet()).isFalse();
            assertThat(time.skipToNextEvent()).isFalse();
            release.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!time.quiet() && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(time.quiet()).isTrue();
        }
    }

    @Test
    void doesNotSkipWithNothingAhead() {
        try (SimulatedTime time = new SimulatedTime(START, 1)) {
            assertThat(time.skipToNextEvent()).isFalse();
            assertThat(time.instant()).isBefore(START.plusSeconds(60));
        }
    }

    @Test
    void keptAtTheWallClocksPaceItNeitherSpeedsUpNorSkips() throws Exception {
        try (SimulatedTime time = new SimulatedTime(START, 3_600_000)) {
            time.schedule(Duration.ofDays(2), () -> { });
            time.keepWallClockPace();
            time.pace(1);

            long wallBefore = System.nanoTime();
            Instant before = time.instant();
            assertThat(time.skipToNextEvent()).isFalse();
            Thread.sleep(20);
            Instant after = time.instant();
            long wall = System.nanoTime() - wallBefore;

            assertThat(Duration.between(before, after)).isPositive().isLessThanOrEqualTo(Duration.ofNanos(wall));
        }
    }
}
