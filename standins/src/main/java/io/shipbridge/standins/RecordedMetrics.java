package io.shipbridge.standins;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.Consumer;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricResolution;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Where metrics go in tests and the offline cloud, in place of CloudWatch: Powertools' metrics provider is set to
 * this, and every value is added up by metric name (and by its extra dimensions, as {@code OrdersFailed|State=X}).
 * Several functions share it in one JVM, so it keeps totals only: nothing per invocation.
 */
public final class RecordedMetrics implements Metrics {
    private final Map<String, DoubleAdder> totals = new ConcurrentHashMap<>();
    private volatile DimensionSet defaultDimensions = new DimensionSet();

    /** Totals by metric name (plus extra dimensions), sorted by name. */
    public Map<String, Double> totals() {
        Map<String, Double> sorted = new TreeMap<>();
        totals.forEach((name, total) -> sorted.put(name, total.sum()));
        return sorted;
    }

    public double total(String name) {
        DoubleAdder total = totals.get(name);
        return total == null ? 0 : total.sum();
    }

    public void clear() {
        totals.clear();
    }

    @Override
    public void addMetric(String name, double value, MetricUnit unit, MetricResolution resolution) {
        totals.computeIfAbsent(name, n -> new DoubleAdder()).add(value);
    }

    @Override
    public void flushSingleMetric(String name, double value, MetricUnit unit, String namespace,
            DimensionSet dimensions) {
        addMetric(name + extraDimensions(dimensions), value, unit, MetricResolution.STANDARD);
    }

    private static String extraDimensions(DimensionSet dimensions) {
        StringBuilder key = new StringBuilder();
        dimensions.getDimensions().forEach((dimension, dimensionValue) -> {
            if (!dimension.equals("Service")) {
                key.append('|').append(dimension).append('=').append(dimensionValue);
            }
        });
        return key.toString();
    }


    @Override
    public void addDimension(DimensionSet dimensionSet) {
        // Totals are kept across dimensions.
    }

    @Override
    public void setTimestamp(Instant timestamp) {
        // Totals have no time.
    }

    @Override
    public void addMetadata(String key, Object value) {
        // Not kept.
    }

    @Override
    public void setDefaultDimensions(DimensionSet dimensionSet) {
        defaultDimensions = dimensionSet;
    }

    @Override
    public DimensionSet getDefaultDimensions() {
        return defaultDimensions;
    }

    @Override
    public void setNamespace(String namespace) {
        // One namespace.
    }

    @Override
    public void setRaiseOnEmptyMetrics(boolean raiseOnEmptyMetrics) {
        // Flushing nothing is not an error here.
    }

    @Override
    public void clearDefaultDimensions() {
        defaultDimensions = new DimensionSet();
    }

    @Override
    public void flush() {
        // Totals are kept, not written.
    }

    @Override
    public void captureColdStartMetric(Context context, DimensionSet dimensions) {
        addMetric("ColdStart", 1, MetricUnit.COUNT, MetricResolution.STANDARD);
    }

    @Override
    public void captureColdStartMetric(DimensionSet dimensions) {
        addMetric("ColdStart", 1, MetricUnit.COUNT, MetricResolution.STANDARD);
    }

    @Override
    public void flushMetrics(Consumer<Metrics> recorder) {
        RecordedMetrics single = new RecordedMetrics();
        recorder.accept(single);
        String suffix = extraDimensions(single.defaultDimensions);
        single.totals.forEach((name, total) -> addMetric(name + suffix, total.sum(), MetricUnit.COUNT,
                MetricResolution.STANDARD));
    }
}
