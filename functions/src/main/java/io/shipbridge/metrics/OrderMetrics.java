package io.shipbridge.metrics;

import io.shipbridge.order.OrderState;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.cloudwatchlogs.emf.environment.EnvironmentProvider;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.model.Unit;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * What happened to orders, as CloudWatch metrics in embedded metric format (Powertools): namespace
 * {@code POWERTOOLS_METRICS_NAMESPACE}, dimension {@code Service} = {@code POWERTOOLS_SERVICE_NAME} (the stack name).
 * The dashboard and the alarms of template.yaml read these names. Handlers record, then {@link #flush()} once per
 * invocation.
 */
public final class OrderMetrics {
    private final Metrics metrics;
    private final String namespace;
    private final String service;
    private final AtomicBoolean pending = new AtomicBoolean();

    public OrderMetrics(Metrics metrics, String namespace, String service) {
        this.metrics = metrics;
        this.namespace = namespace;
        this.service = service;
    }

    public void ordersFetched(int newOrders) {
        count("OrdersFetched", newOrders);
    }

    /**
     * Orders Shipbridge could not take in as Mirakl sent them (recorded NOT_TAKEN_IN, an update of a known order that
     * could not be, or no usable order_id): the alarm's metric, 0 written too. A repeated fetch is not counted again.
     */
    public void ordersNotTakenIn(int orders) {
        count("OrdersNotTakenIn", orders);
    }

    public void orderAccepted() {
        count("OrdersAccepted", 1);
    }

    /** @param processing from the carrier being chosen to the label being stored */
    public void shipmentCreated(Duration processing) {
        count("ShipmentsCreated", 1);
        add("ProcessingTime", processing.toMillis(), MetricUnit.MILLISECONDS);
    }

    public void trackingPushed() {
        count("TrackingPushed", 1);
    }

    /** Counted twice: in all, for the success-rate view, and by the state it failed in. */
    public void orderFailed(OrderState failedState) {
        count("OrdersFailed", 1);
        metrics.flushSingleMetric("OrdersFailed", 1, MetricUnit.COUNT, namespace,
                DimensionSet.of("Service", service, "State", failedState.name()));
    }

    /** A gauge per state: how many orders are in it now (the dashboard shows the in-flight ones). */
    public void ordersInState(Map<OrderState, Long> counts) {
        counts.forEach((state, count) -> metrics.flushSingleMetric("OrdersInState", count, MetricUnit.COUNT,
                namespace, DimensionSet.of("Service", service, "State", state.name())));
    }

    public void webhookReceived(int events) {
        count("WebhooksReceived", 1);
        count("TrackingEventsReceived", events);
    }

    /**
     * Counted in all, by reason, and apart when the webhook was signed with a carrier's secret: only a carrier can
     * cause those (a body Shipbridge cannot read), so only they are worth an alarm.
     */
    public void webhookRejected(String reason, boolean signed) {
        count("WebhooksRejected", 1);
        metrics.flushSingleMetric("WebhooksRejected", 1, MetricUnit.COUNT, namespace,
                DimensionSet.of("Service", service, "Reason", reason));
        if (signed) {
            count("SignedWebhooksRejected", 1);
        }
    }

    /** A webhook id delivered again within the replay window: acknowledged, nothing queued. */
    public void webhookDuplicate() {
        count("WebhooksDuplicate", 1);
    }

    /** Tracking events for a tracking number no shipment has, recorded apart after a few tries. */
    public void trackingEventsUnmatched(int events) {
        count("TrackingEventsUnmatched", events);
    }

    /** Tracking events with a code the carrier's table does not know, kept with their raw code. */
    public void trackingEventsUnrecognised(int events) {
        count("TrackingEventsUnrecognised", events);
    }

    /** A passing fault outlasted a step's quick retries: the order waits and tries again. */
    public void retryScheduled() {
        count("RetriesScheduled", 1);
    }

    /** An order's wait for a passing fault has now lasted, or will last, more than an hour (counted once per wait). */
    public void recoveryPastAnHour() {
        count("OrdersInRecoveryOverAnHour", 1);
    }

    public void trackingEventsPolled(int events) {
        count("TrackingEventsPolled", events);
    }

    public void trackingEventsApplied(int events) {
        count("TrackingEventsApplied", events);
    }

    /** A carrier took the day's shipments over at the cut-off. */
    public void shipmentsHandedOver(int shipments) {
        count("ShipmentsHandedOver", shipments);
    }

    /** Shipments whose cut-off passed without them handed over (the alarm's metric; 0 is written too). */
    public void shipmentsNotHandedOver(int shipments) {
        count("ShipmentsNotHandedOver", shipments);
    }

    /** A day's documents sent to a carrier by e-mail or SFTP. */
    public void manifestsSent(int sendings) {
        count("ManifestsSent", sendings);
    }

    /** Sendings of a day's documents given up after every attempt failed (the alarm's metric; 0 is written too). */
    public void manifestsNotDelivered(int sendings) {
        count("ManifestsNotDelivered", sendings);
    }

    /** Writes what this invocation recorded; nothing when it recorded nothing. */
    public void flush() {
        if (pending.getAndSet(false)) {
            metrics.flush();
        }
    }

    /**
     * Before a SnapStart snapshot: what a first flush loads and initializes (the embedded metric format's document and
     * its JSON and, in Lambda, the environment it is written for), writing nothing: priming records no metric.
     *
     * @return false when something of it failed
     */
    public boolean prime() {
        try {
            MetricsContext document = new MetricsContext();
            document.setNamespace(namespace);
            document.setDefaultDimensions(software.amazon.cloudwatchlogs.emf.model.DimensionSet.of("Service", service));
            document.putMetric("Priming", 1, Unit.COUNT);
            document.serialize();
            if (System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null) {
                // Outside Lambda the format's library would probe for an agent or EC2 instead.
                new EnvironmentProvider().resolveEnvironment().join();
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private void count(String name, int value) {
        add(name, value, MetricUnit.COUNT);
    }

    private void add(String name, double value, MetricUnit unit) {
        metrics.addMetric(name, value, unit);
        pending.set(true);
    }
}
