package io.shipbridge.local.cloud;

import io.shipbridge.local.time.SimulatedTime;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * Slows simulated time while the functions have work, so that the real time their work takes on this machine does not
 * turn into hours of simulated time. In AWS each invocation has a machine of its own and an SQS event source scales out
 * to its backlog; here they share a few cores, and at full speed a burst of invocations queued behind each other, or a
 * queue's backlog waiting for its five pollers, would look in simulated time like a slow cloud. Work counts as the
 * invocations running plus those waiting to run (a queue's visible messages, by batch); time runs at full speed while
 * that is at most {@code freeInvocations}, and proportionally slower beyond it.
 *
 * <p>With an idle check, it also lets simulated time wait for the work the other way round: when nothing runs, nothing
 * waits to run and nothing on the clock is due, for a few checks in a row, the clock skips to the next instant
 * something waits for (a schedule, a retry, a carrier's next scan...). Nothing could have happened in between, so the
 * run loses no event; it only stops spending wall time on simulated hours in which nothing happens.
 */
final class PaceGovernor implements AutoCloseable {
    private static final long CHECK_EVERY_MILLIS = 10;
    private static final long QUIET_CHECK_EVERY_MILLIS = 1;
    /** Checks in a row that must find nothing to do: a thread between two steps is not counted as work. */
    private static final int QUIET_CHECKS = 3;

    private final SimulatedTime time;
    private final IntSupplier work;
    private final int freeInvocations;
    private final BooleanSupplier idle;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param work how many invocations are running or waiting to run (may be a little out of date)
     * @param idle whether nothing at all runs or waits to run now, read afresh; {@code null}: the clock never skips
     */
    PaceGovernor(SimulatedTime time, IntSupplier work, int freeInvocations, BooleanSupplier idle) {
        this.time = time;
        this.work = work;
        this.freeInvocations = freeInvocations;
        this.idle = idle;
        this.thread = Thread.ofPlatform().daemon().name("pace-governor").start(this::govern);
    }

    private void govern() {
        int quietChecks = 0;
        while (running) {
            int busy = work.getAsInt();
            boolean quiet = idle != null && busy == 0 && time.quiet();
            time.pace(busy <= freeInvocations ? 1 : (double) freeInvocations / busy);
            if (!quiet) {
                quietChecks = 0;
            } else if (++quietChecks >= QUIET_CHECKS) {
                quietChecks = 0;
                if (idle.getAsBoolean() && time.quiet()) {
                    time.skipToNextEvent();
                }
            }
            try {
                Thread.sleep(quiet ? QUIET_CHECK_EVERY_MILLIS : CHECK_EVERY_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        time.pace(1);
    }
}
