package io.shipbridge.carrier;

import java.util.Optional;

/**
 * Shipment numbers Shipbridge gives out itself, from a range the carrier assigned, for carriers without an API: each
 * number once, each reference one number, with what the carrier's files need of the shipment kept beside it.
 */
public interface ShipmentNumbering {

    /**
     * The reference's number: the one it has, else the next of the range.
     *
     * @param range   the carrier's range, {@code FIRST-LAST}, e.g. {@code OT0010000000-OT0019999999}
     * @param details what the carrier's files need of the shipment, returned with the number
     */
    Assigned assign(String carrier, String reference, String range, String details);

    Optional<Assigned> find(String carrier, String reference);

    /** The shipment will not travel: its number stays given out, never reused. */
    void cancel(String carrier, String reference);

    /** The shipment was handed over to the carrier (on a manifest): from now on the carrier has it. */
    void handedOver(String carrier, String reference);

    /** A number given to a reference, what was kept with it, and whether its shipment was cancelled or handed over. */
    record Assigned(String number, String details, boolean cancelled, boolean handedOver) {
    }
}
