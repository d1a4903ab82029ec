package io.shipbridge.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.shipbridge.app.Components;
import io.shipbridge.config.Json;
import io.shipbridge.metrics.OrderMetrics;
import io.shipbridge.tracking.TrackingIngest;
import io.shipbridge.tracking.TrackingUpdate;
import io.shipbridge.tracking.UnknownShipmentException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Consumes the tracking queue, a batch at a time, reporting the messages that failed so only they come back
 * ({@code ReportBatchItemFailures}); after the queue's maximum receives they go to its dead-letter queue.
 */
public final class TrackingConsumerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(TrackingConsumerHandler.class);

    private final TrackingIngest ingest;
    private final OrderMetrics metrics;
    private final SnapStartPriming priming;

    public TrackingConsumerHandler() {
        this(Components.fromEnvironment());
    }

    public TrackingConsumerHandler(Components components) {
        this.ingest = components.trackingIngest();
        this.metrics = components.metrics();
        this.priming = SnapStartPriming.register(components, RuntimeEventJson.sqs());
    }

    private static int receiveCount(SQSEvent.SQSMessage message) {
        String count = message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
        return count == null ? 1 : Integer.parseInt(count);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            Map<TrackingIngest.Outcome, Integer> outcomes = new EnumMap<>(TrackingIngest.Outcome.class);
            for (SQSEvent.SQSMessage message : event.getRecords()) {
                try {
                    outcomes.merge(ingest.apply(Json.read(message.getBody(), TrackingUpdate.class),
                            receiveCount(message)), 1, Integer::sum);
                } catch (UnknownShipmentException e) {
                    // Usual when a carrier reports a scan before the shipment is indexed: redelivery applies it.
                    LOG.warn("Tracking message {} not applied yet, left for redelivery: {}", message.getMessageId(),
                            e.getMessage());
                    failures.add(SQSBatchResponse.BatchItemFailure.builder()
                            .withItemIdentifier(message.getMessageId()).build());
                } catch (RuntimeException e) {
                    LOG.error("Tracking message {} not applied, left for redelivery", message.getMessageId(), e);
                    failures.add(SQSBatchResponse.BatchItemFailure.builder()
                            .withItemIdentifier(message.getMessageId()).build());
                }
            }
            metrics.trackingEventsUnmatched(outcomes.getOrDefault(TrackingIngest.Outcome.UNMATCHED, 0));
            metrics.trackingEventsUnrecognised(outcomes.getOrDefault(TrackingIngest.Outcome.UNRECOGNISED, 0));
            metrics.trackingEventsApplied(event.getRecords().size() - failures.size()
                    - outcomes.getOrDefault(TrackingIngest.Outcome.UNMATCHED, 0));
            metrics.flush();
            return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
        });
    }
}
