package io.shipbridge.local.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import io.shipbridge.local.cost.BillableUnit;
import io.shipbridge.local.cost.UsageMeter;
import io.shipbridge.local.time.SimulatedTime;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * An SQS event source mapping: takes messages off the queue in batches (up to its batch size, waiting at most its
 * batching window), invokes the function with an SQS event, and deletes the messages the function handled: all of
 * them on success, all but the reported ones with {@code ReportBatchItemFailures}, none when the function fails.
 * Messages left come back after the visibility timeout (in simulated time); the queue's redrive policy moves them to
 * its dead-letter queue after its maximum receives. Like Lambda's SQS pollers it works on five batches at once, or on
 * fewer when the event source's {@code ScalingConfig.MaximumConcurrency} says so; where Lambda would scale out to a
 * backlog, it reports the batches waiting ({@link #waitingBatches}) so that simulated time slows until they are done.
 *
 * <p>On a discrete clock one poller at a time collects a batch through its batching window on the clock, and the
 * batch holds the clock while it is delivered; a message left for another try is parked, invisible, until its
 * visibility timeout has passed on the clock.
 *
 * <p>An empty queue is watched by one idle poller at a time; the others wait until it finds messages (or a second has
 * passed). Five threads short-polling an empty queue every 20 ms cost more CPU than the messages they waited for.
 */
final class QueuePoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueuePoller.class);
    private static final int MAX_VISIBILITY_SECONDS = 43_200;
    private static final long BACKLOG_READ_NANOS = Duration.ofMillis(200).toNanos();
    private static final Duration IDLE_POLL = Duration.ofMillis(20);
    private static final Duration IDLE_WAIT = Duration.ofSeconds(1);

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final LocalFunction target;
    private final int batchSize;
    private final Duration batchingWindow;
    private final boolean reportBatchItemFailures;
    private final Duration visibilityTimeout;
    private final SimulatedTime time;
    private final UsageMeter usage;
    private volatile int waitingBatches;
    private volatile long backlogReadAt;
    private final List<Thread> threads = new ArrayList<>();
    private final Object arrivals = new Object();
    private long arrivalCount;
    private final AtomicBoolean watching = new AtomicBoolean();
    /** Messages left for another try, invisible until their visibility timeout passes on a discrete clock. */
    private final AtomicInteger parked = new AtomicInteger();
    /** Messages a poller holds while its batching window passes on a discrete clock. */
    private final AtomicInteger inWindow = new AtomicInteger();
    private final AtomicBoolean collecting = new AtomicBoolean();
    private volatile boolean running = true;

    QueuePoller(SqsClient sqs, String queueUrl, String queueArn, LocalFunction target, int batchSize,
            Duration batchingWindow, boolean reportBatchItemFailures, Duration visibilityTimeout, int concurrency,
            SimulatedTime time, UsageMeter usage) {
        this.sqs = sqs;
        this.usage = usage;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.target = target;
        this.batchSize = Math.max(1, Math.min(10, batchSize));
        this.batchingWindow = batchingWindow;
        this.reportBatchItemFailures = reportBatchItemFailures;
        this.visibilityTimeout = visibilityTimeout;
        this.time = time;
        for (int i = 0; i < concurrency; i++) {
            threads.add(Thread.ofPlatform().daemon().name("sqs-" + target.name() + "-" + i).start(this::poll));
        }
    }

    private void poll() {
        while (running) {
            try {
                if (time.isDiscrete()) {
                    collectOnTheClockAndDeliver();
                    continue;
                }
                List<Message> batch = collect();
                if (batch.isEmpty()) {
                    idle();
                } else {
                    messagesArrived();
                    deliver(batch);
                }
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("Polling {} for {} failed: {}", queueUrl, target.name(), e.getMessage());
                    pause(Duration.ofMillis(200));
                }
            }
        }
    }

    private List<Message> collect() {
        List<Message> batch = new ArrayList<>();
        long windowEnd = System.nanoTime() + time.real(batchingWindow).toNanos();
        while (running && batch.size() < batchSize) {
            // Short polls: a long poll's wall-clock second would be an hour of simulated time.
            List<Message> received = receive(batchSize - batch.size());
            batch.addAll(received);
            if (batch.isEmpty() || System.nanoTime() >= windowEnd) {
                break;
            }
            if (received.isEmpty()) {
                pause(Duration.ofMillis(2));
            }
        }
        return batch;
    }

    private List<Message> receive(int atMost) {
        List<Message> received = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(atMost)
                .waitTimeSeconds(0).visibilityTimeout(visibilitySeconds())
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        if (!received.isEmpty()) {
            usage.add(BillableUnit.SQS_REQUESTS);
        }
        return received;
    }

    /**
     * On a discrete clock one poller at a time collects a batch: from its first messages it takes every message that
     * comes until the batch is full or its batching window has passed on the clock (the queue's messages at each
     * instant, whatever the wall time), then delivers it holding the clock while the next poller collects.
     */
    private void collectOnTheClockAndDeliver() {
        if (!collecting.compareAndSet(false, true)) {
            awaitArrivals(IDLE_WAIT);
            return;
        }
        List<Message> batch = new ArrayList<>();
        SimulatedTime.Hold collected;
        try {
            collected = collectOnTheClock(batch);
        } finally {
            inWindow.addAndGet(-batch.size());
            collecting.set(false);
            messagesArrived();
        }
        if (collected != null) {
            try (SimulatedTime.Hold held = collected) {
                deliver(batch);
            }
        }
    }

    /** Fills {@code batch}; returns the clock held at the instant the batch is complete ({@code null}: stopped). */
    private SimulatedTime.Hold collectOnTheClock(List<Message> batch) {
        CompletableFuture<SimulatedTime.Hold> windowEnded = new CompletableFuture<>();
        SimulatedTime.Timer window = null;
        while (running) {
            List<Message> received = receive(batchSize - batch.size());
            // Counted before the clock could read the queue without them: they are this window's, not pending.
            inWindow.addAndGet(received.size());
            batch.addAll(received);
            if (batch.size() >= batchSize || (!batch.isEmpty() && batchingWindow.isZero())) {
                SimulatedTime.Hold held = time.hold();
                if (window != null) {
                    window.cancel();
                    windowEnded.thenAccept(SimulatedTime.Hold::close);
                }
                return held;
            }
            if (!batch.isEmpty() && window == null) {
                // The window's end is an instant the clock stops at; its timer hands the clock to this batch.
                window = time.schedule(batchingWindow, () -> windowEnded.complete(time.hold()));
            }
            if (windowEnded.isDone()) {
                return windowEnded.join();
            }
            if (received.isEmpty()) {
                pause(Duration.ofMillis(batch.isEmpty() ? 5 : 1));
            }
        }
        if (window != null) {
            window.cancel();
            windowEnded.thenAccept(SimulatedTime.Hold::close);
        }
        return null;
    }

    /** The queue's visibility timeout on the wall clock at the current pace: a slowed clock keeps messages hidden longer. */
    private int visibilitySeconds() {
        if (time.isDiscrete()) {
            return MAX_VISIBILITY_SECONDS;
        }
        long seconds = (long) Math.ceil(time.real(visibilityTimeout).toMillis() / 1000.0);
        return (int) Math.max(1, Math.min(MAX_VISIBILITY_SECONDS, seconds));
    }

    /** How many batches the queue's visible messages make, as last read (at most {@code BACKLOG_READ_NANOS} ago). */
    int waitingBatches() {
        long now = System.nanoTime();
        if (now - backlogReadAt >= BACKLOG_READ_NANOS && running) {
            backlogReadAt = now;
            try {
                int visible = Integer.parseInt(sqs.getQueueAttributes(a -> a.queueUrl(queueUrl)
                        .attributeNamesWithStrings("ApproximateNumberOfMessages")).attributesAsStrings()
                        .get("ApproximateNumberOfMessages"));
                waitingBatches = (visible + batchSize - 1) / batchSize;
            } catch (RuntimeException e) {
                LOG.debug("Reading the backlog of {} failed: {}", queueUrl, e.getMessage());
            }
        }
        return waitingBatches;
    }

    /**
     * Whether the queue holds no message waiting to be done with, read now: none visible, none taken by a poller and
     * not yet deleted (or waiting out its visibility timeout) but those parked or in a batching window on a discrete
     * clock, none delayed.
     */
    boolean drained() {
        if (!running) {
            return false; // Closed: the clock must not move on, and ElasticMQ may be gone already.
        }
        try {
            int parkedBefore = parked.get() + inWindow.get();
            Map<String, String> counts = sqs.getQueueAttributes(a -> a.queueUrl(queueUrl).attributeNamesWithStrings(
                    "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible",
                    "ApproximateNumberOfMessagesDelayed")).attributesAsStrings();
            return "0".equals(counts.get("ApproximateNumberOfMessages"))
                    && "0".equals(counts.get("ApproximateNumberOfMessagesDelayed"))
                    && Integer.toString(parkedBefore).equals(counts.get("ApproximateNumberOfMessagesNotVisible"))
                    && parked.get() + inWindow.get() == parkedBefore;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void deliver(List<Message> batch) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message message : batch) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.messageId()).put("receiptHandle", message.receiptHandle())
                    .put("body", message.body()).put("md5OfBody", message.md5OfBody())
                    .put("eventSource", "aws:sqs").put("eventSourceARN", queueArn)
                    .put("awsRegion", queueArn.split(":")[3]);
            ObjectNode attributes = record.putObject("attributes");
            message.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
            record.putObject("messageAttributes");
        }
        Set<String> failed = new HashSet<>();
        try {
            byte[] response = target.invoke(Json.MAPPER.writeValueAsBytes(event));
            if (reportBatchItemFailures) {
                JsonNode reported = Json.MAPPER.readTree(response).path("batchItemFailures");
                reported.forEach(item -> failed.add(item.path("itemIdentifier").asText()));
            }
        } catch (FunctionError e) {
            LOG.warn("{} failed on a batch of {}: {}", target.name(), batch.size(), e.getMessage());
            batch.forEach(this::park);
            return;
        } catch (IOException e) {
            LOG.warn("{} answered something that is not an SQS batch response", target.name());
            batch.forEach(this::park);
            return;
        }
        for (Message message : batch) {
            if (!failed.contains(message.messageId())) {
                sqs.deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            } else {
                park(message);
            }
        }
        if (failed.size() < batch.size()) {
            usage.add(BillableUnit.SQS_REQUESTS); // Lambda deletes a batch's processed messages in one request
        }
    }

    /**
     * On a discrete clock, leaves a message invisible until its visibility timeout has passed on the clock (its
     * receive made it invisible for the longest SQS allows, in wall time): then a timer shows it again.
     */
    private void park(Message message) {
        if (!time.isDiscrete()) {
            return;
        }
        parked.incrementAndGet();
        time.schedule(visibilityTimeout, () -> {
            try {
                sqs.changeMessageVisibility(c -> c.queueUrl(queueUrl).receiptHandle(message.receiptHandle())
                        .visibilityTimeout(0));
            } catch (RuntimeException e) {
                LOG.warn("Showing a message of {} again failed: {}", queueUrl, e.getMessage());
            } finally {
                parked.decrementAndGet();
            }
        });
    }

    /** One idle poller watches the queue (polls it again soon); the others wait until it finds messages. */
    private void idle() {
        if (watching.compareAndSet(false, true)) {
            try {
                awaitArrivals(IDLE_POLL);
            } finally {
                watching.set(false);
            }
        } else {
            awaitArrivals(IDLE_WAIT);
        }
    }

    /** Wakes the pollers waiting on an empty queue: there are messages to take. */
    private void messagesArrived() {
        synchronized (arrivals) {
            arrivalCount++;
            arrivals.notifyAll();
        }
    }

    /** Waits until a poller finds messages, or at most {@code limit}. */
    private void awaitArrivals(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (arrivals) {
            long seen = arrivalCount;
            try {
                long left;
                while (running && arrivalCount == seen && (left = deadline - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.timedWait(arrivals, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        threads.forEach(Thread::interrupt);
    }
}
