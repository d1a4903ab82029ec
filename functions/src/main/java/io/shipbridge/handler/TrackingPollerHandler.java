package io.shipbridge.handler;

import com.amazonaws.services.lambda.runtime.Context;
import io.shipbridge.app.Components;
import io.shipbridge.tracking.TrackingPoller;
import java.util.Map;

/** Scheduled: polls carriers for in-flight shipments and queues new tracking events. */
public final class TrackingPollerHandler extends TaskHandler<Map<String, Object>, TrackingPoller.Summary> {
    /** Stop starting carrier calls when less than this is left of the function's time. */
    private static final int MARGIN_MILLIS = 20_000;

    private final TrackingPoller poller;

    public TrackingPollerHandler() {
        this(Components.fromEnvironment());
    }

    @SuppressWarnings("unchecked")
    public TrackingPollerHandler(Components components) {
        super((Class<Map<String, Object>>) (Class<?>) Map.class, components);
        this.poller = components.trackingPoller();
    }

    @Override
    TrackingPoller.Summary handle(Map<String, Object> trigger, Context context) {
        TrackingPoller.Summary summary = poller.poll(() -> context.getRemainingTimeInMillis() > MARGIN_MILLIS);
        metrics.trackingEventsPolled(summary.queued());
        return summary;
    }
}
