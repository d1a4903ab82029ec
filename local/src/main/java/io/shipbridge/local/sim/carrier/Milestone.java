package io.shipbridge.local.sim.carrier;

/** The steps of a parcel's life every simulated carrier goes through, each carrier naming them in its own codes. */
public enum Milestone {
    /** The shipment is recorded, the label printed: nothing physical yet. */
    RECORDED,
    /** The courier collected it: the first scan. */
    PICKED_UP,
    OUT_FOR_DELIVERY,
    DELIVERED
}
