package io.shipbridge.fulfilment;

/** Who made a change, as status history rows name them. */
public final class Actors {
    public static final String MIRAKL = "mirakl";
    /** Shipbridge on its own account, by the seller's settings (e.g. refusing an order it cannot take in). */
    public static final String SHIPBRIDGE = "shipbridge";

    private Actors() {
    }

    public static String workflow(String step) {
        return "workflow:" + step;
    }

    public static String carrier(String carrierId) {
        return "carrier:" + carrierId;
    }
}
