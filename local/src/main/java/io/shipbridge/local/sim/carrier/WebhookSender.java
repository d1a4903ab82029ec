package io.shipbridge.local.sim.carrier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import io.shipbridge.local.sim.Faults;
import io.shipbridge.local.time.SimulatedTime;
import io.shipbridge.webhook.WebhookSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * A tracking aggregator following every simulated carrier's shipments, pushing their new states to Shipbridge's
 * webhook route ({@code /api/v1/carriers/<carrier>/webhook}) in each carrier's own codes, signed as Standard Webhooks
 * says, every few simulated minutes; at its duplicate rate it delivers a webhook twice, as real senders do after a
 * lost acknowledgement.
 */
public final class WebhookSender implements AutoCloseable {
    private final SimulatedTime time;
    private final RandomGenerator random;
    private final CarrierSimulators carriers;
    private final URI api;
    private final byte[] secret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Integer> pushed = new ConcurrentHashMap<>();
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    /** Between two webhooks of a round: four a second, under the webhook route's rate of five. */
    static final Duration SPACING = Duration.ofMillis(250);
    private volatile Faults faults = Faults.NONE;
    private SimulatedTime.Timer schedule;

    /** @param api the HTTP API's base URL; @param secret the signing secret the webhooks' secret holds for every carrier */
    public WebhookSender(SimulatedTime time, RandomGenerator random, CarrierSimulators carriers, URI api,
            byte[] secret) {
        this.time = time;
        this.random = random;
        this.carriers = carriers;
        this.api = api;
        this.secret = secret.clone();
    }

    public void start(Duration every) {
        schedule = time.every(every, this::pushNewStates);
    }

    public void faults(Faults injected) {
        this.faults = injected;
    }

    public int delivered() {
        return delivered.get();
    }

    public int duplicates() {
        return duplicates.get();
    }

    public int refused() {
        return refused.get();
    }

    /**
     * Pushes, for every shipment of every carrier, the states it reached since the last push: one webhook after the
     * other, {@link #SPACING} apart on the clock, as an aggregator spreads its deliveries (all at one instant, a round
     * would meet the route's throttle as no real one does).
     */
    public synchronized void pushNewStates() {
        Instant now = time.instant();
        boolean first = true;
        for (CarrierSimulator carrier : carriers.all()) {
            if (!carrier.pushedByAggregator()) {
                continue;
            }
            // By order reference, not by when they were recorded (whatever order concurrent creations came in).
            List<SimulatedShipment> shipments = carrier.shipments().all().stream().sorted(Comparator.comparing(
                    SimulatedShipment::reference, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                    .thenComparing(SimulatedShipment::trackingNumber)).toList();
            for (SimulatedShipment shipment : shipments) {
                List<Map.Entry<Milestone, Instant>> states = shipment.reachedBy(now);
                if (states.size() <= pushed.getOrDefault(key(carrier, shipment), 0)) {
                    continue;
                }
                if (!first && !pause()) {
                    return;
                }
                first = false;
                push(carrier, shipment, states);
            }
        }
    }

    private boolean pause() {
        try {
            time.sleep(SPACING);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String key(CarrierSimulator carrier, SimulatedShipment shipment) {
        return carrier.carrierId() + "/" + shipment.trackingNumber();
    }

    private void push(CarrierSimulator carrier, SimulatedShipment shipment, List<Map.Entry<Milestone, Instant>> states) {
        String key = key(carrier, shipment);
        int already = pushed.getOrDefault(key, 0);
        if (states.size() <= already) {
            return;
        }
        ObjectNode body = Json.MAPPER.createObjectNode().put("tracking_number", shipment.trackingNumber());
        ArrayNode events = body.putArray("events");
        for (Map.Entry<Milestone, Instant> state : states.subList(already, states.size())) {
            CarrierSimulator.StatusCode code = carrier.codeOf(state.getKey());
            events.addObject().put("code", code.code()).put("description", code.description())
                    .put("occurred_at", state.getValue().toString());
        }
        String id = "msg_" + carrier.carrierId() + "_" + shipment.trackingNumber() + "_" + states.size();
        URI webhook = URI.create(api + "/api/v1/carriers/" + carrier.carrierId() + "/webhook");
        if (send(webhook, id, body.toString())) {
            pushed.put(key, states.size());
            if (faults.duplicate(random)) {
                duplicates.incrementAndGet();
                send(webhook, id, body.toString());
            }
        }
    }

    private boolean send(URI webhook, String id, String body) {
        long timestamp = time.instant().getEpochSecond();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(secret, id, timestamp, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                delivered.incrementAndGet();
                return true;
            }
            refused.incrementAndGet();
            return false;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (schedule != null) {
            schedule.cancel();
        }
    }
}
