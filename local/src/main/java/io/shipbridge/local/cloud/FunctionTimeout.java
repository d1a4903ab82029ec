package io.shipbridge.local.cloud;

import java.time.Duration;

/**
 * A function's timeout offline: the template's, which its handlers read from their context as in Lambda, and the
 * wall time after which the invocation is abandoned. On a discrete clock an invocation takes no simulated time, and
 * its wall time says how busy this machine is (hundreds of invocations can share two cores at one simulated
 * instant), not how long it would run in Lambda, where each has its own CPU: there the template's timeout would fail
 * honest invocations half-way on a slow machine, so only a hang guard of minutes is kept.
 *
 * @param template  the function's {@code Timeout}
 * @param wallLimit when the invocation is abandoned as timed out
 */
record FunctionTimeout(Duration template, Duration wallLimit) {
    static final Duration HANG_GUARD = Duration.ofMinutes(5);

    static FunctionTimeout of(Duration template, boolean discreteClock) {
        return new FunctionTimeout(template, discreteClock && template.compareTo(HANG_GUARD) < 0 ? HANG_GUARD
                : template);
    }

    /** Lambda's message, or the hang guard's when it is not the template's timeout that passed. */
    String message() {
        return wallLimit.equals(template) ? "Task timed out after " + template.toSeconds() + ".00 seconds"
                : "Task still running after " + wallLimit.toSeconds() + " s of wall time, abandoned as hung (the "
                        + "offline cloud's hang guard: the template's " + template.toSeconds() + " s timeout is not "
                        + "applied on a discrete clock)";
    }
}
