package io.shipbridge.webhook;

import io.shipbridge.carrier.CarrierModule;
import io.shipbridge.carrier.CarrierModules;
import io.shipbridge.carrier.TrackingEvent;
import io.shipbridge.carrier.WebhookFormat;
import io.shipbridge.metrics.OrderMetrics;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.operations.OperationStatus;
import io.shipbridge.operations.OperationsLog;
import io.shipbridge.storage.WebhookReceipts;
import io.shipbridge.tracking.TrackingQueue;
import io.shipbridge.tracking.TrackingUpdate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Takes in a carrier webhook. Cheap checks come first and touch nothing (carrier, size, headers, signature), so an
 * unsigned flood costs no database or queue call; then a webhook id already queued is acknowledged as a duplicate;
 * then the body is read and held to {@link WebhookLimits}. Refusals are counted by reason and sampled into the log;
 * a webhook taken in queues one tracking update per event and writes one operations-log row.
 */
public final class WebhookIntake {
    private final Supplier<WebhookSecrets> secrets;
    private final TrackingQueue queue;
    private final WebhookReceipts receipts;
    private final OperationsLog operations;
    private final OrderMetrics metrics;
    private final Clock clock;
    private final RejectionLog rejections;

    public WebhookIntake(Supplier<WebhookSecrets> secrets, TrackingQueue queue, WebhookReceipts receipts,
            OperationsLog operations, OrderMetrics metrics, Clock clock) {
        this.secrets = secrets;
        this.queue = queue;
        this.receipts = receipts;
        this.operations = operations;
        this.metrics = metrics;
        this.clock = clock;
        this.rejections = new RejectionLog(clock);
    }

    /** What became of a webhook that was not refused. */
    public record Receipt(int queued, boolean duplicate) {
    }

    /** @throws WebhookRejectedException when the webhook is refused (nothing queued, nothing stored) */
    public Receipt receive(String carrier, WebhookSignature.Headers headers, WebhookBody body) {
        Instant now = clock.instant();
        Optional<CarrierModule> module = CarrierModules.installed().find(carrier);
        try {
            WebhookFormat format = module.flatMap(CarrierModule::webhook)
                    .orElseThrow(() -> new WebhookRejectedException(RejectionReason.UNKNOWN_CARRIER,
                            "no webhook route for this carrier"));
            List<byte[]> keys = secrets.get().of(carrier);
            if (keys.isEmpty()) {
                throw new WebhookRejectedException(RejectionReason.WEBHOOKS_NOT_ENABLED,
                        "webhooks are not enabled for carrier " + carrier);
            }
            byte[] bytes = body.bytes();
            WebhookSignature.verify(headers, bytes, keys, now);
            String webhookId = headers.id().trim();
            if (receipts.seen(carrier, webhookId, now)) {
                metrics.webhookDuplicate();
                return new Receipt(0, true);
            }
            List<TrackingEvent> events = WebhookBody.parse(format, bytes);
            WebhookLimits.check(events, now);
            List<TrackingUpdate> updates = events.stream().map(e -> TrackingUpdate.fromWebhook(carrier, e, now))
                    .toList();
            queue.send(updates);
            receipts.remember(carrier, webhookId, now);
            operations.record(new OperationRecord(now, "carrier", "webhook_received", null, carrier,
                    OperationStatus.OK, updates.size() + " events queued for " + events.get(0).trackingNumber(),
                    Map.of("webhook_id", webhookId, "events", updates.size())));
            metrics.webhookReceived(updates.size());
            return new Receipt(updates.size(), false);
        } catch (WebhookRejectedException e) {
            metrics.webhookRejected(e.reason().code(), e.reason().afterSignature());
            rejections.rejected(module.isPresent() ? carrier : "an unknown carrier", e);
            throw e;
        }
    }
}
