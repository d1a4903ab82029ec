package io.shipbridge.local.cloud;

import io.shipbridge.local.time.SimulatedTime;
import java.util.Collection;

/**
 * Slows simulated time while the functions are busy, so that the real time their work takes on this machine does not
 * turn into hours of simulated time. In AWS each invocation has a machine of its own; here they share a few cores, and
 * at full speed a burst of invocations queued behind each other would look, in simulated time, like a slow cloud.
 * Time runs at full speed while at most {@code freeInvocations} run, and proportionally slower beyond that.
 */
final class PaceGovernor implements AutoCloseable {
    private static final long CHECK_EVERY_MILLIS = 10;

    private final SimulatedTime time;
    private final Collection<LocalFunction> functions;
    private final int freeInvocations;
    private final Thread thread;
    private volatile boolean running = true;

    PaceGovernor(SimulatedTime time, Collection<LocalFunction> functions, int freeInvocations) {
        this.time = time;
        this.functions = functions;
        this.freeInvocations = freeInvocations;
        this.thread = Thread.ofPlatform().daemon().name("pace-governor").start(this::govern);
    }

    private void govern() {
        while (running) {
            int busy = functions.stream().mapToInt(LocalFunction::running).sum();
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
