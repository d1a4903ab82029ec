package io.shipbridge.catalog;

import io.shipbridge.order.ParcelDimensions;
import java.math.BigDecimal;

/**
 * One SKU of the seller's catalog: what a unit weighs and, optionally, the measures of its box.
 *
 * @param dimensionsCm null when the seller gave none
 */
public record CatalogItem(String sku, BigDecimal weightKg, ParcelDimensions dimensionsCm) {

    public CatalogItem(String sku, BigDecimal weightKg) {
        this(sku, weightKg, null);
    }
}
