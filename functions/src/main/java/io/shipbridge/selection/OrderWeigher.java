package io.shipbridge.selection;

import io.shipbridge.catalog.CatalogItem;
import io.shipbridge.order.Order;
import io.shipbridge.order.OrderLine;
import io.shipbridge.order.ParcelDimensions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Weighs an order from the seller's SKU catalog: quantity times unit weight, over the lines that ship. When every
 * unit has box measures, the parcel is estimated as the units stacked: the longest length and width, the heights
 * added up (one unit alone keeps its own box).
 */
public final class OrderWeigher {
    private final Function<List<String>, Map<String, CatalogItem>> catalog;
    private final BigDecimal defaultWeightKg;

    /**
     * @param catalog         the catalog entries of the SKUs it knows
     * @param defaultWeightKg the unit weight assumed for a SKU the catalog lacks (flagged on the order)
     */
    public OrderWeigher(Function<List<String>, Map<String, CatalogItem>> catalog, BigDecimal defaultWeightKg) {
        this.catalog = catalog;
        this.defaultWeightKg = defaultWeightKg;
    }

    public OrderWeight weigh(Order order) {
        List<OrderLine> shipped = order.lines().stream().filter(OrderLine::isShippable).toList();
        Map<String, CatalogItem> items = catalog.apply(shipped.stream().map(OrderLine::sku).toList());
        BigDecimal total = BigDecimal.ZERO;
        List<String> unknown = new ArrayList<>();
        BigDecimal length = BigDecimal.ZERO;
        BigDecimal width = BigDecimal.ZERO;
        BigDecimal height = BigDecimal.ZERO;
        boolean everyBoxKnown = !shipped.isEmpty();
        for (OrderLine line : shipped) {
            CatalogItem item = items.get(line.sku());
            BigDecimal unit = item == null ? defaultWeightKg : item.weightKg();
            if (item == null && !unknown.contains(line.sku())) {
                unknown.add(line.sku());
            }
            total = total.add(unit.multiply(BigDecimal.valueOf(line.quantity())));
            if (item == null || item.dimensionsCm() == null) {
                everyBoxKnown = false;
            } else {
                ParcelDimensions box = item.dimensionsCm();
                length = length.max(box.lengthCm());
                width = width.max(box.widthCm());
                height = height.add(box.heightCm().multiply(BigDecimal.valueOf(line.quantity())));
            }
        }
        return new OrderWeight(total, unknown, everyBoxKnown ? new ParcelDimensions(length, width, height) : null);
    }
}
