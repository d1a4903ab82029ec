package io.shipbridge.selection;

import io.shipbridge.order.Order;
import io.shipbridge.order.OrderLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Weighs an order from the seller's SKU catalog: quantity times unit weight, over the lines that ship. */
public final class OrderWeigher {
    private final Function<List<String>, Map<String, BigDecimal>> catalog;
    private final BigDecimal defaultWeightKg;

    /**
     * @param catalog         unit weights of the SKUs it knows
     * @param defaultWeightKg the unit weight assumed for a SKU the catalog lacks (flagged on the order)
     */
    public OrderWeigher(Function<List<String>, Map<String, BigDecimal>> catalog, BigDecimal defaultWeightKg) {
        this.catalog = catalog;
        this.defaultWeightKg = defaultWeightKg;
    }

    public OrderWeight weigh(Order order) {
        List<OrderLine> shipped = order.lines().stream().filter(OrderLine::isShippable).toList();
        Map<String, BigDecimal> weights = catalog.apply(shipped.stream().map(OrderLine::sku).toList());
        BigDecimal total = BigDecimal.ZERO;
        List<String> unknown = new ArrayList<>();
        for (OrderLine line : shipped) {
            BigDecimal unit = weights.get(line.sku());
            if (unit == null) {
                unit = defaultWeightKg;
                if (!unknown.contains(line.sku())) {
                    unknown.add(line.sku());
                }
            }
            total = total.add(unit.multiply(BigDecimal.valueOf(line.quantity())));
        }
        return new OrderWeight(total, unknown);
    }
}
