package io.shipbridge.operator;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.fulfilment.FetchOrders;
import io.shipbridge.tracking.TrackingQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/** Health, a fetch on request, and the tracking dead-letter queue sent back, for an operator. */
public final class SystemEndpoints {
    private static final Duration LONGEST_FETCH_BACK = Duration.ofDays(30);
    private static final int REDRIVE_MAX = 1000;

    private final HealthCheck health;
    private final Supplier<FetchOrders> fetchOrders;
    private final TrackingQueue queue;
    private final TrackingQueue deadLetters;
    private final Clock clock;

    /** @param fetchOrders built on first use: it needs the Mirakl secret, which health and redrive do not */
    public SystemEndpoints(HealthCheck health, Supplier<FetchOrders> fetchOrders, TrackingQueue queue,
            TrackingQueue deadLetters, Clock clock) {
        this.health = health;
        this.fetchOrders = fetchOrders;
        this.queue = queue;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    /** {@code GET /api/v1/health}. */
    ApiResponse health(ApiRequest request) {
        return ApiResponse.ok(health.check());
    }

    /**
     * {@code POST /api/v1/orchestrator/fetch-orders} with {@code {"since": "2026-11-20T08:00:00Z"}} (optional: from
     * the last scheduled run): fetches and takes in as the schedule does, each order once.
     */
    ApiResponse fetch(ApiRequest request) {
        JsonNode since = request.jsonBody().path("since");
        if (!since.isMissingNode() && !since.isTextual()) {
            throw new BadRequestException("since must be an ISO-8601 instant as text");
        }
        Instant from = ApiRequest.instant("since", since.asText(null));
        Instant now = clock.instant();
        if (from != null && (from.isAfter(now) || from.isBefore(now.minus(LONGEST_FETCH_BACK)))) {
            throw new BadRequestException("since must be within the last " + LONGEST_FETCH_BACK.toDays()
                    + " days and not in the future, was " + from);
        }
        return ApiResponse.ok(fetchOrders.get().run(new FetchOrders.Request("manual", from)));
    }

    /** {@code POST /api/v1/dead-letters/tracking/redrive}: the dead-letter queue back to the tracking queue. */
    ApiResponse redrive(ApiRequest request) {
        int moved = deadLetters.moveTo(queue, REDRIVE_MAX);
        return ApiResponse.ok(Map.of("moved", moved, "left", deadLetters.depth()));
    }
}
