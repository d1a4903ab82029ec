package io.shipbridge.local.cost;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.Map;

/**
 * AWS's list prices for what {@link UsageMeter} counts, read from the dated table kept beside this class
 * ({@code prices.json}: the region, the day they were recorded, and each price's source).
 */
public record PriceTable(String region, String recorded, Map<BillableUnit, Price> prices) {

    /** A price: {@code usd} for each {@code per} units; a monthly one (storage) is not part of a per-order cost. */
    public record Price(double usd, double per, boolean monthly, String source) {

        public double of(double units) {
            return units * usd / per;
        }
    }

    public static PriceTable standard() {
        JsonNode table = PricesFile.content();
        Map<BillableUnit, Price> prices = new EnumMap<>(BillableUnit.class);
        table.path("prices").forEach(price -> prices.put(BillableUnit.valueOf(price.path("unit").asText()),
                new Price(price.path("usd").asDouble(), price.path("per").asDouble(),
                        price.path("monthly").asBoolean(false), price.path("source").asText())));
        for (BillableUnit unit : BillableUnit.values()) {
            if (!prices.containsKey(unit)) {
                throw new IllegalStateException("prices.json has no price for " + unit);
            }
        }
        return new PriceTable(table.path("region").asText(), table.path("recorded").asText(), prices);
    }

    public Price of(BillableUnit unit) {
        return prices.get(unit);
    }
}
