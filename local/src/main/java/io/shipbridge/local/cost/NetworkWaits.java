package io.shipbridge.local.cost;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long a function waits, in AWS, for each call it makes, by service ({@code prices.json}'s {@code waits}): the
 * part of a billed duration the offline cloud cannot measure, since its stand-ins answer at once.
 */
public record NetworkWaits(Map<String, Double> seconds) {

    public static NetworkWaits standard() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        PricesFile.content().path("waits").fields()
                .forEachRemaining(field -> seconds.put(field.getKey(), field.getValue().asDouble()));
        return new NetworkWaits(seconds);
    }

    /** The wait for one call to a service (an IAM service prefix, {@code mirakl} or {@code carrier}). */
    public double of(String service) {
        Double wait = seconds.get(service);
        if (wait == null) {
            throw new IllegalArgumentException("prices.json has no wait for " + service);
        }
        return wait;
    }
}
