package io.shipbridge.fulfilment;

/** Who made a change, as status history rows name them. */
public final class Actors {
    public static final String MIRAKL = "mirakl";

    private Actors() {
    }

    public static String workflow(String step) {
        return "workflow:" + step;
    }

    public static String carrier(String carrierId) {
        return "carrier:" + carrierId;
    }
}
