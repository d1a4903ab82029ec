package io.shipbridge.selection;

import io.shipbridge.order.ParcelDimensions;
import java.math.BigDecimal;
import java.util.List;

/**
 * An order's weight, the SKUs that had to be weighed at the default weight because the catalog lacks them, and the
 * parcel's measures when the catalog gives them for every unit (null otherwise).
 */
public record OrderWeight(BigDecimal kilograms, List<String> unknownSkus, ParcelDimensions dimensionsCm) {

    public OrderWeight {
        unknownSkus = List.copyOf(unknownSkus);
    }

    public OrderWeight(BigDecimal kilograms, List<String> unknownSkus) {
        this(kilograms, unknownSkus, null);
    }
}
