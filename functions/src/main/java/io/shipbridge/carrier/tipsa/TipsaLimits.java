package io.shipbridge.carrier.tipsa;

import io.shipbridge.carrier.FieldLimits;
import java.util.Map;

/**
 * TIPSA's limits on a destination. TIPSA publishes none: these are Shipbridge's conservative choice for its
 * Dinapaq fields (name, street, town), and Spanish postcodes as five digits (TIPSA ships within Spain and Portugal).
 */
final class TipsaLimits {
    static final FieldLimits LIMITS = new FieldLimits(40, 80, 40, 8, Map.of());

    private TipsaLimits() {
    }
}
