package io.shipbridge.order;

import java.time.Instant;

/**
 * An order waiting out a passing fault: the step it retries, since when, how many retries were scheduled, when the
 * next one runs and the last error. Cleared by the order's next transition.
 */
public record Recovery(String step, Instant since, int attempts, Instant nextAttemptAt, String lastError) {
}
