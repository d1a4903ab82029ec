package io.shipbridge.tracking;

import io.shipbridge.config.Json;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** The queue between tracking sources (webhooks, poller) and the consumer: one message per event. */
public final class TrackingQueue {
    private static final int SQS_BATCH = 10;

    private final SqsClient sqs;
    private final String queueUrl;

    public TrackingQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /** Queues every update, or throws: a partially queued batch is retried whole (the consumer dedupes). */
    public void send(List<TrackingUpdate> updates) {
        for (int start = 0; start < updates.size(); start += SQS_BATCH) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            List<TrackingUpdate> chunk = updates.subList(start, Math.min(start + SQS_BATCH, updates.size()));
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .messageBody(Json.write(chunk.get(i))).build());
            }
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (!response.failed().isEmpty()) {
                BatchResultErrorEntry first = response.failed().get(0);
                throw new IllegalStateException(response.failed().size() + " tracking updates not queued: "
                        + first.code() + " " + first.message());
            }
        }
    }
}
