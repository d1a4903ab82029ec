package io.shipbridge.webhook;

import io.shipbridge.carrier.CarrierModule;
import io.shipbridge.carrier.CarrierModules;
import io.shipbridge.carrier.MalformedWebhookException;
import io.shipbridge.carrier.TrackingEvent;
import io.shipbridge.carrier.WebhookFormat;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.operations.OperationStatus;
import io.shipbridge.operations.OperationsLog;
import io.shipbridge.tracking.TrackingQueue;
import io.shipbridge.tracking.TrackingUpdate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Takes in a carrier webhook: unknown carrier 404, bad or stale signature 401, unreadable body 400, each recorded
 * with nothing queued; otherwise one queued tracking update per event.
 */
public final class WebhookIntake {
    private final Supplier<WebhookSecrets> secrets;
    private final TrackingQueue queue;
    private final OperationsLog operations;
    private final Clock clock;

    public WebhookIntake(Supplier<WebhookSecrets> secrets, TrackingQueue queue, OperationsLog operations, Clock clock) {
        this.secrets = secrets;
        this.queue = queue;
        this.operations = operations;
        this.clock = clock;
    }

    /**
     * @return how many events were queued
     * @throws WebhookRejectedException when the webhook is refused (nothing queued)
     */
    public int receive(String carrier, WebhookSignature.Headers headers, byte[] body) {
        Instant now = clock.instant();
        try {
            WebhookFormat format = CarrierModules.installed().find(carrier).flatMap(CarrierModule::webhook)
                    .orElseThrow(() -> new WebhookRejectedException(404, "no webhook for carrier " + carrier));
            List<byte[]> keys = secrets.get().of(carrier);
            if (keys.isEmpty()) {
                throw new WebhookRejectedException(404, "webhooks are not enabled for carrier " + carrier);
            }
            WebhookSignature.verify(headers, body, keys, now);
            List<TrackingEvent> events;
            try {
                events = format.parse(body);
            } catch (MalformedWebhookException e) {
                throw new WebhookRejectedException(400, e.getMessage());
            }
            List<TrackingUpdate> updates = events.stream().map(e -> TrackingUpdate.fromWebhook(carrier, e, now))
                    .toList();
            queue.send(updates);
            operations.record(new OperationRecord(now, "carrier", "webhook_received", null, carrier,
                    OperationStatus.OK, updates.size() + " events queued for " + events.get(0).trackingNumber(),
                    Map.of("webhook_id", headers.id(), "events", updates.size())));
            return updates.size();
        } catch (WebhookRejectedException e) {
            operations.record(new OperationRecord(now, "carrier", "webhook_received", null, carrier,
                    OperationStatus.REJECTED, "Webhook rejected: " + e.getMessage(),
                    Map.of("http_status", e.statusCode(), "webhook_id", String.valueOf(headers.id()))));
            throw e;
        }
    }
}
