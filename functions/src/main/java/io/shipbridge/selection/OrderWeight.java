package io.shipbridge.selection;

import java.math.BigDecimal;
import java.util.List;

/** An order's weight, and the SKUs that had to be weighed at the default weight because the catalog lacks them. */
public record OrderWeight(BigDecimal kilograms, List<String> unknownSkus) {

    public OrderWeight {
        unknownSkus = List.copyOf(unknownSkus);
    }
}
