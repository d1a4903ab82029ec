package io.shipbridge.carrier.seur;

import io.shipbridge.carrier.FieldLimits;
import java.util.Map;

/**
 * SEUR's limits on a destination: the field lengths of its shipments API (name 50, street 70, city 50,
 * postcode 10), which its mapping used to cut silently.
 */
final class SeurLimits {
    static final FieldLimits LIMITS = new FieldLimits(50, 70, 50, 10, Map.of());

    private SeurLimits() {
    }
}
