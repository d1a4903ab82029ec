package io.shipbridge.order;

import java.math.BigDecimal;

/**
 * One physical package of an order, as handed to the carrier.
 *
 * @param dimensionsCm its measures when the catalog gives them, else null
 */
public record Parcel(int number, BigDecimal weightKg, ParcelDimensions dimensionsCm) {

    public Parcel(int number, BigDecimal weightKg) {
        this(number, weightKg, null);
    }
}
