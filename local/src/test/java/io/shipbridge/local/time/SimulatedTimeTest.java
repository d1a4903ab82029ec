package io.shipbridge.local.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SimulatedTimeTest {
    private static final Instant START = Instant.parse("2026-11-20T08:00:00Z");

    @Test
    void keptAtTheWallClocksPaceItDoesNotSpeedUp() throws Exception {
        try (SimulatedTime time = new SimulatedTime(START, 3_600_000)) {
            time.schedule(Duration.ofDays(2), () -> { });
            time.keepWallClockPace();
            time.pace(1);

            long wallBefore = System.nanoTime();
            Instant before = time.instant();
            Thread.sleep(20);
            Instant after = time.instant();
            long wall = System.nanoTime() - wallBefore;

            assertThat(Duration.between(before, after)).isPositive().isLessThanOrEqualTo(Duration.ofNanos(wall));
        }
    }

    @Test
    void aDiscreteClockStandsStillWhileWorkHoldsItThenMovesToTheNextEvent() throws Exception {
        try (SimulatedTime time = SimulatedTime.discrete(START)) {
            CompletableFuture<Instant> firedAt = new CompletableFuture<>();
            time.schedule(Duration.ofHours(2), () -> firedAt.complete(time.instant()));
            SimulatedTime.Hold work = time.hold();
            time.advanceWhenIdle(() -> true);
            Thread.sleep(100);
            assertThat(time.instant()).isEqualTo(START);

            work.close();
            assertThat(firedAt.get(5, TimeUnit.SECONDS)).isEqualTo(START.plus(Duration.ofHours(2)));
        }
    }

    @Test
    void workThatSleepsWakesAtExactlyItsInstantAndHoldsTheClockAgain() throws Exception {
        try (SimulatedTime time = SimulatedTime.discrete(START)) {
            time.schedule(Duration.ofHours(1), () -> { });
            CompletableFuture<Instant> afterWork = new CompletableFuture<>();
            SimulatedTime.Hold work = time.hold();
            Thread.ofVirtual().start(() -> {
                try (work) {
                    time.sleep(Duration.ofMinutes(30));
                    Instant woke = time.instant();
                    // Busy on the wall clock after waking: the clock must not move meanwhile.
                    Thread.sleep(50);
                    afterWork.complete(woke.equals(time.instant()) ? woke : null);
                } catch (InterruptedException e) {
                    afterWork.completeExceptionally(e);
                }
            });
            time.advanceWhenIdle(() -> true);
            assertThat(afterWork.get(5, TimeUnit.SECONDS)).isEqualTo(START.plus(Duration.ofMinutes(30)));
            assertThat(time.expect(() -> false, START.plus(Duration.ofMinutes(45)), Duration.ofSeconds(5)))
                    .isFalse();
            // Nothing holds it after the deadline: it goes on to the timer, and no further.
            assertThat(time.instant()).isBetween(START.plus(Duration.ofMinutes(45)), START.plus(Duration.ofHours(1)));
        }
    }

    @Test
    void aWaiterWokenByOtherWorkGetsTheClockBackBeforeThatWorkLetsGo() throws Exception {
        try (SimulatedTime time = SimulatedTime.discrete(START)) {
            time.schedule(Duration.ofDays(1), () -> { });
            CompletableFuture<String> result = new CompletableFuture<>();
            CompletableFuture<Instant> resumedAt = new CompletableFuture<>();
            SimulatedTime.Hold waiting = time.hold();
            Thread.ofVirtual().start(() -> {
                try (waiting) {
                    boolean came = time.await(result, START.plus(Duration.ofHours(3)));
                    Thread.sleep(50);
                    resumedAt.complete(came ? time.instant() : null);
                } catch (InterruptedException e) {
                    resumedAt.completeExceptionally(e);
                }
            });
            SimulatedTime.Hold worker = time.hold();
            time.advanceWhenIdle(() -> true);
            Thread.sleep(50);
            result.complete("done");
            worker.close();

            assertThat(resumedAt.get(5, TimeUnit.SECONDS)).isEqualTo(START);
        }
    }

    @Test
    void anExpectationIsReadWhenAllWorkWaitsAndFailsAtItsDeadline() throws Exception {
        try (SimulatedTime time = SimulatedTime.discrete(START)) {
            time.every(Duration.ofMinutes(5), () -> { });
            time.advanceWhenIdle(() -> true);
            assertThat(time.expect(() -> !time.instant().isBefore(START.plus(Duration.ofMinutes(20))),
                    START.plus(Duration.ofHours(1)), Duration.ofSeconds(5))).isTrue();
            assertThat(time.expect(() -> false, START.plus(Duration.ofHours(1)), Duration.ofSeconds(5))).isFalse();
        }
    }
}
