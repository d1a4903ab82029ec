package io.shipbridge.carrier.correosexpress;

import io.shipbridge.carrier.Address;
import java.util.Locale;
import java.util.Set;

/**
 * Which Correos Express product a destination takes. Peninsular Paq products do not cover the islands: the
 * Balearic Islands (postcodes 07) and the Canary Islands (35, 38) have products of their own, Ceuta (51) and Melilla
 * (52) go as "Islas Express"; Portugal and Andorra are national for CEX; elsewhere is international.
 *
 * @param peninsula     e.g. 93 ePaq24
 * @param balearic      e.g. 66 Baleares Express
 * @param canary        e.g. 67 Canarias Express
 * @param ceutaMelilla  e.g. 26 Islas Express
 * @param iberian       Portugal and Andorra, e.g. 63 Paq24
 * @param international e.g. 90 Internacional Estándar
 */
record CorreosExpressProducts(String peninsula, String balearic, String canary, String ceutaMelilla, String iberian,
        String international) {

    private static final Set<String> IBERIAN = Set.of("PT", "AD");

    String forDestination(Address to) {
        String country = to.countryCode() == null ? "" : to.countryCode().toUpperCase(Locale.ROOT);
        if (IBERIAN.contains(country)) {
            return iberian;
        }
        if (!country.equals("ES")) {
            return international;
        }
        String postcode = to.postcode() == null ? "" : to.postcode().trim();
        if (postcode.startsWith("07")) {
            return balearic;
        }
        if (postcode.startsWith("35") || postcode.startsWith("38")) {
            return canary;
        }
        if (postcode.startsWith("51") || postcode.startsWith("52")) {
            return ceutaMelilla;
        }
        return peninsula;
    }

    /** Whether the destination takes its postcode in {@code codPosNacDest} (Spain) or {@code codPosIntDest}. */
    static boolean national(Address to) {
        return "ES".equalsIgnoreCase(to.countryCode());
    }
}
