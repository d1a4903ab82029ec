package io.shipbridge.selection;

import java.math.BigDecimal;

/**
 * What carrier rules look at.
 *
 * @param shippingType     the Mirakl shipping type the customer chose at checkout
 * @param preferredCarrier the carrier the customer asked for, when the marketplace passes one
 * @param shipFromCountry  the seller's country: a destination elsewhere is international
 */
public record ShipmentFacts(BigDecimal weightKg, String destinationCountry, String postcode, String shippingType,
        String preferredCarrier, String shipFromCountry) {

    public boolean international() {
        return !shipFromCountry.equalsIgnoreCase(destinationCountry);
    }
}
