package io.shipbridge.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs refused webhooks by sample: the first of each reason in a minute, then how many more there were. Anyone can
 * send refused requests at the route's throttle; every one is counted by metric, but a line each would let them fill
 * the logs (and the bill).
 */
final class RejectionLog {
    private static final Logger LOG = LoggerFactory.getLogger(RejectionLog.class);
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final Clock clock;
    private final Map<RejectionReason, Window> windows = new ConcurrentHashMap<>();

    RejectionLog(Clock clock) {
        this.clock = clock;
    }

    /** A minute of one reason's refusals: when it began, and how many were not logged since its first. */
    private record Window(Instant start, int suppressed) {
    }

    void rejected(String carrier, WebhookRejectedException rejection) {
        Instant now = clock.instant();
        int[] suppressedBefore = {-1};
        windows.compute(rejection.reason(), (reason, window) -> {
            if (window != null && now.isBefore(window.start().plus(WINDOW))) {
                return new Window(window.start(), window.suppressed() + 1);
            }
            suppressedBefore[0] = window == null ? 0 : window.suppressed();
            return new Window(now, 0);
        });
        if (suppressedBefore[0] >= 0) {
            LOG.warn("Webhook for {} refused ({} {}): {}{}", carrier, rejection.statusCode(),
                    rejection.reason().code(), rejection.getMessage(), suppressedBefore[0] == 0 ? ""
                            : " (" + suppressedBefore[0] + " more refused for this reason since the last such line)");
        }
    }
}
