package io.shipbridge.local.cloud;

import io.shipbridge.local.time.SimulatedTime;
import java.util.function.IntSupplier;

/**
 * Slows simulated time while the functions have work, so that the real time their work takes on this machine does not
 * turn into hours of simulated time. In AWS each invocation has a machine of its own and an SQS event source scales out
 * to its backlog; here they share a few cores, and at full speed a burst of invocations queued behind each other, or a
 * queue's backlog waiting for its five pollers, would look in simulated time like a slow cloud. Work counts as the
 * invocations running plus those waiting to run (a queue's visible messages, by batch); time runs at full speed while
 * that is at most {@code freeInvocations}, and proportionally slower beyond it.
 */
final class PaceGovernor implements AutoCloseable {
    private static final long CHECK_EVERY_MILLIS = 10;

    private final SimulatedTime time;
    private final IntSupplier work;
    private final int freeInvocations;
    private final Thread thread;
    private volatile boolean running = true;

    /** @param work how many invocations are running or waiting to run (may be a little out of date) */
    PaceGovernor(SimulatedTime time, IntSupplier work, int freeInvocations) {
        this.time = time;
        this.work = work;
        this.freeInvocations = freeInvocations;
        this.thread = Thread.ofPlatform().daemon().name("pace-governor").start(this::govern);
    }

    private void govern() {
        while (running) {
            int busy = work.getAsInt();
            time.pace(busy <= freeInvocations ? 1 : (double) freeInvocations / busy);
            try {
                Thread.sleep(CHECK_EVERY_MILLIS);
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
