package io.shipbridge.local.sim.carrier;

import java.util.Locale;

/** What goes wrong for one order's shipment, whichever carrier gets it (an {@code x-simulation} "carrier" value). */
public enum Trouble {
    /** Every attempt to record it meets a server error page, as when the carrier's service is down. */
    DOWN,
    /** Recorded, but the courier never collects it: no scan ever. */
    NOT_COLLECTED,
    /** Collected and out for delivery, but never delivered. */
    NOT_DELIVERED,
    /**
     * Recorded, but the answer is lost on the way, and from then on every call about the shipment by its reference
     * meets a server error page, until the trouble is lifted: a shipment that exists while its order cannot tell.
     */
    UNREACHABLE_AFTER_RECORDING;

    /** The trouble an {@code x-simulation} {@code "carrier"} value names ({@code "down"}, {@code "not_collected"}...). */
    public static Trouble named(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
