package io.shipbridge.local.sim.carrier;

/** Spanish postcodes as Spanish carriers check them: five digits, the first two a province (01 to 52). */
public final class SpanishPostcodes {
    private SpanishPostcodes() {
    }

    /** Whether the postcode is five digits and its province exists. */
    public static boolean exists(String postcode) {
        if (postcode == null || !postcode.matches("\\d{5}")) {
            return false;
        }
        int province = Integer.parseInt(postcode.substring(0, 2));
        return province >= 1 && province <= 52;
    }
}
