package io.shipbridge.mirakl;

import java.time.Duration;

/** Mirakl kept answering 429 Too Many Requests, or asked for a longer wait than this call can afford. Transient. */
public class MiraklRateLimitedException extends MiraklException {
    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    public MiraklRateLimitedException(String message, Duration retryAfter) {
        super(message, 429, null);
        this.retryAfter = retryAfter;
    }

    /** What Mirakl's last Retry-After asked for, if it said. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
