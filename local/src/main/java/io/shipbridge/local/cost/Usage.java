package io.shipbridge.local.cost;

import java.util.EnumMap;
import java.util.Map;

/** Amounts of each billable unit. */
public record Usage(Map<BillableUnit, Double> amounts) {

    public Usage {
        amounts = Map.copyOf(amounts);
    }

    public double of(BillableUnit unit) {
        return amounts.getOrDefault(unit, 0.0);
    }

    public Usage minus(Usage earlier) {
        Map<BillableUnit, Double> difference = new EnumMap<>(BillableUnit.class);
        for (BillableUnit unit : BillableUnit.values()) {
            difference.put(unit, of(unit) - earlier.of(unit));
        }
        return new Usage(difference);
    }

    public Usage dividedBy(double divisor) {
        Map<BillableUnit, Double> share = new EnumMap<>(BillableUnit.class);
        for (BillableUnit unit : BillableUnit.values()) {
            share.put(unit, of(unit) / divisor);
        }
        return new Usage(share);
    }
}
