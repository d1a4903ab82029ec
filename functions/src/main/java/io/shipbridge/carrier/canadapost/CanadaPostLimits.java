package io.shipbridge.carrier.canadapost;

import io.shipbridge.carrier.FieldLimits;
import java.util.Map;

/**
 * Canada Post's limits on a destination: a name of 44, a street of two address lines of 44 (cut at a
 * space), a city of 40, and the A1A 1A1 postal code.
 */
final class CanadaPostLimits {
    static final FieldLimits LIMITS = new FieldLimits(44, 88, 40, 7, Map.of());

    private CanadaPostLimits() {
    }
}
