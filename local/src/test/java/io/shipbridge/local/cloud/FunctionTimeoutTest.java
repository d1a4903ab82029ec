package io.shipbridge.local.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * On a discrete clock a function's wall time measures the machine, not the function: its template timeout must not
 * fail it there (10,000 orders at 20 % faults had invocations interrupted half-way at 30 s, a write done and its
 * metric lost), only a hang guard of minutes. Handlers still read the template's timeout from their context.
 */
class FunctionTimeoutTest {

    @Test
    void aDiscreteClockAbandonsAnInvocationOnlyAfterTheHangGuard() {
        FunctionTimeout timeout = FunctionTimeout.of(Duration.ofSeconds(30), true);
        assertEquals(Duration.ofSeconds(30), timeout.template());
        assertEquals(Duration.ofMinutes(5), timeout.wallLimit());
        assertTrue(timeout.message().contains("300 s of wall time"), timeout.message());
        assertTrue(timeout.message().contains("30 s timeout is not applied"), timeout.message());
    }

    @Test
    void aTimeoutLongerThanTheHangGuardIsKept() {
        FunctionTimeout timeout = FunctionTimeout.of(Duration.ofMinutes(15), true);
        assertEquals(Duration.ofMinutes(15), timeout.wallLimit());
        assertEquals("Task timed out after 900.00 seconds", timeout.message());
    }

    @Test
    void aScaledClockKeepsLambdasTimeoutAndMessage() {
        FunctionTimeout timeout = FunctionTimeout.of(Duration.ofSeconds(30), false);
        assertEquals(Duration.ofSeconds(30), timeout.wallLimit());
        assertEquals("Task timed out after 30.00 seconds", timeout.message());
    }
}
