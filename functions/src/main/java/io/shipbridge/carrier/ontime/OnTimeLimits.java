package io.shipbridge.carrier.ontime;

import io.shipbridge.carrier.FieldLimits;
import java.util.Map;

/**
 * OnTime's limits on a destination: Shipbridge prints OnTime's labels and manifest itself, so only what fits
 * them (name 60, street 100, town 50).
 */
final class OnTimeLimits {
    static final FieldLimits LIMITS = new FieldLimits(60, 100, 50, 10, Map.of());

    private OnTimeLimits() {
    }
}
