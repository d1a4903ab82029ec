package io.shipbridge.http;

import java.time.Duration;

/** Waits between attempts. Tests and the offline cloud pass one that scales or records time. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
