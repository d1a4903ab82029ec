package io.shipbridge.tracking;

import io.shipbridge.config.Json;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
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

    /** Messages waiting to be received (SQS's approximate count), for the operator's health view. */
    public long depth() {
        return Long.parseLong(sqs.getQueueAttributes(g -> g.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributes().getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"));
    }

    /**
     * Moves messages from this queue (a dead-letter queue) back to {@code target}, each sent before it is deleted
     * here: a message is never lost, and one moved twice is applied once (the consumer dedupes by event id).
     *
     * @return how many were moved; stops early when the queue looks empty or {@code max} is reached
     */
    public int moveTo(TrackingQueue target, int max) {
        int moved = 0;
        while (moved < max) {
            int wanted = Math.min(SQS_BATCH, max - moved);
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(wanted)
                    .waitTimeSeconds(1)).messages();
            if (messages.isEmpty()) {
                return moved;
            }
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .messageBody(messages.get(i).body()).build());
            }
            SendMessageBatchResponse sent = sqs.sendMessageBatch(b -> b.queueUrl(target.queueUrl).entries(entries));
            List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
            sent.successful().forEach(ok -> deletes.add(DeleteMessageBatchRequestEntry.builder().id(ok.id())
                    .receiptHandle(messages.get(Integer.parseInt(ok.id())).receiptHandle()).build()));
            if (!deletes.isEmpty()) {
                sqs.deleteMessageBatch(d -> d.queueUrl(queueUrl).entries(deletes));
            }
            moved += deletes.size();
            if (!sent.failed().isEmpty()) {
                BatchResultErrorEntry first = sent.failed().get(0);
                throw new IllegalStateException(moved + " moved, then " + sent.failed().size() + " could not be sent"
                        + " (they stay in the dead-letter queue): " + first.code() + " " + first.message());
            }
        }
        return moved;
    }
}
