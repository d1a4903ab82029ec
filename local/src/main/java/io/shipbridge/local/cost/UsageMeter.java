package io.shipbridge.local.cost;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.DoubleSupplier;

/** Counts, as the offline cloud runs, everything AWS would bill for: each part of the cloud adds what it did. */
public final class UsageMeter {
    private final Map<BillableUnit, DoubleAdder> counters = new EnumMap<>(BillableUnit.class);
    private final List<Map.Entry<BillableUnit, DoubleSupplier>> sources = new CopyOnWriteArrayList<>();

    public UsageMeter() {
        for (BillableUnit unit : BillableUnit.values()) {
            counters.put(unit, new DoubleAdder());
        }
    }

    public void add(BillableUnit unit, double amount) {
        counters.get(unit).add(amount);
    }

    public void add(BillableUnit unit) {
        add(unit, 1);
    }

    /** Adds, to every snapshot, an amount something else keeps count of (a running total). */
    public void countAlso(BillableUnit unit, DoubleSupplier runningTotal) {
        sources.add(Map.entry(unit, runningTotal));
    }

    /** What was counted so far; the difference of two snapshots is what happened in between. */
    public Usage snapshot() {
        Map<BillableUnit, Double> amounts = new EnumMap<>(BillableUnit.class);
        counters.forEach((unit, counter) -> amounts.put(unit, counter.sum()));
        sources.forEach(source -> amounts.merge(source.getKey(), source.getValue().getAsDouble(), Double::sum));
        return new Usage(amounts);
    }
}
