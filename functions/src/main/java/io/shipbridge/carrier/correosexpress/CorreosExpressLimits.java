package io.shipbridge.carrier.correosexpress;

import io.shipbridge.carrier.FieldLimits;
import java.util.Map;

/**
 * Correos Express's limits on a destination: name and town 40, street 300 (grabacionEnvio's field
 * sizes), and a postcode of at most eight characters (a Portuguese one, NNNN-NNN, whole: it used to be cut to seven).
 */
final class CorreosExpressLimits {
    static final FieldLimits LIMITS = new FieldLimits(40, 300, 40, 8, Map.of());

    private CorreosExpressLimits() {
    }
}
