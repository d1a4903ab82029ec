package io.shipbridge.order;

import java.math.BigDecimal;
import java.util.List;

/**
 * The carrier the rules picked for an order, and why.
 *
 * @param rule        name of the rule that matched
 * @param unknownSkus SKUs missing from the catalog, weighed at the default weight
 */
public record CarrierChoice(String carrier, String rule, BigDecimal weightKg, List<String> unknownSkus,
        List<Parcel> parcels) {

    public CarrierChoice {
        unknownSkus = List.copyOf(unknownSkus);
        parcels = List.copyOf(parcels);
    }
}
