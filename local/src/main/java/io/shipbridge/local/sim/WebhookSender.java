package io.shipbridge.local.sim;

import io.shipbridge.carrier.tipsa.TipsaStatusCodes;
import io.shipbridge.config.Json;
import io.shipbridge.local.time.SimulatedTime;
import io.shipbridge.webhook.WebhookSignature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * A tracking aggregator following TIPSA shipments that pushes their new states to Shipbridge's webhook, signed as
 * Standard Webhooks says, every few simulated minutes; at its duplicate rate it delivers a webhook twice, as real
 * senders do after a lost acknowledgement.
 */
public final class WebhookSender implements AutoCloseable {
    private final SimulatedTime time;
    private final RandomGenerator random;
    private final TipsaSimulator tipsa;
    private final URI webhook;
    private final byte[] secret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Integer> pushed = new ConcurrentHashMap<>();
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile Faults faults = Faults.NONE;
    private SimulatedTime.Timer schedule;

    public WebhookSender(SimulatedTime time, RandomGenerator random, TipsaSimulator tipsa, URI webhook, byte[] secret) {
        this.time = time;
        this.random = random;
        this.tipsa = tipsa;
        this.webhook = webhook;
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

    /** Pushes, for every shipment, the states it reached since the last push. */
    public synchronized void pushNewStates() {
        Instant now = time.instant();
        for (TipsaSimulator.Shipment shipment : tipsa.shipments()) {
            List<Map.Entry<String, Instant>> states = shipment.statesAt(now);
            int already = pushed.getOrDefault(shipment.albaran(), 0);
            if (states.size() <= already) {
                continue;
            }
            ObjectNode body = Json.MAPPER.createObjectNode().put("tracking_number", shipment.albaran());
            ArrayNode events = body.putArray("events");
            for (Map.Entry<String, Instant> state : states.subList(already, states.size())) {
                events.addObject().put("code", state.getKey())
                        .put("description", TipsaStatusCodes.describe(state.getKey()))
                        .put("occurred_at", state.getValue().toString());
            }
            String id = "msg_" + shipment.albaran() + "_" + states.size();
            if (send(id, body.toString())) {
                pushed.put(shipment.albaran(), states.size());
                if (faults.duplicate(random)) {
                    duplicates.incrementAndGet();
                    send(id, body.toString());
                }
            }
        }
    }

    private boolean send(String id, String body) {
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
