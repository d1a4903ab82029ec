package io.shipbridge.local.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a run of orders would cost in AWS: the units it used per order, and their price per 1,000 orders. Monthly
 * prices (storage) are shown per 1,000 orders kept for a month, apart from the per-order total.
 */
public record CostReport(int orders, Usage perOrder, PriceTable prices) {

    public static CostReport of(Usage used, int orders, PriceTable prices) {
        return new CostReport(orders, used.dividedBy(Math.max(1, orders)), prices);
    }

    /** A report's {@code cost} again, from its JSON (the units per order; the prices from the table). */
    public static CostReport fromJson(JsonNode cost, PriceTable prices) {
        Map<BillableUnit, Double> perOrder = new EnumMap<>(BillableUnit.class);
        for (BillableUnit unit : BillableUnit.values()) {
            perOrder.put(unit, cost.path("units").path(unit.name()).path("perOrder").asDouble());
        }
        return new CostReport(cost.path("orders").asInt(), new Usage(perOrder), prices);
    }

    /** The README's table: each unit per order and per 1,000 orders, its price, and the total. */
    public String markdownTable() {
        StringBuilder table = new StringBuilder("| What AWS bills | Per order | Price | Per 1,000 orders |\n")
                .append("|---|---:|---|---:|\n");
        perOrderUnits().forEach(unit -> {
            PriceTable.Price price = prices.of(unit);
            table.append(String.format(Locale.ROOT, "| %s | %s | $%s per %s | $%.4f |%n", unit.description(),
                    amount(perOrder.of(unit)), plain(price.usd()), plain(price.per()), usdPer1000Orders(unit)));
        });
        return table.append(String.format(Locale.ROOT, "| **Total** | | | **$%.4f** |%n", usdPer1000Orders()))
                .toString();
    }

    private List<BillableUnit> perOrderUnits() {
        return Arrays.stream(BillableUnit.values()).filter(unit -> !prices.of(unit).monthly())
                .sorted(Comparator.comparingDouble((BillableUnit unit) -> usdPer1000Orders(unit)).reversed())
                .toList();
    }

    private static String amount(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,.0f", value)
                : new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    /** The price of 1,000 orders' units of one kind. */
    public double usdPer1000Orders(BillableUnit unit) {
        return prices.of(unit).of(perOrder.of(unit) * 1000);
    }

    public double usdPer1000Orders() {
        return List.of(BillableUnit.values()).stream().filter(unit -> !prices.of(unit).monthly())
                .mapToDouble(this::usdPer1000Orders).sum();
    }

    public void print(PrintStream out) {
        out.printf("  cost per 1,000 orders (%s list prices of %s, measured in this run)%n", prices.region(),
                prices.recorded());
        out.println("  unit                                              per order   per 1,000 orders");
        perOrderUnits().forEach(unit -> out.printf("  %-48s %10.2f   $%.4f%n", unit.label(), perOrder.of(unit),
                        usdPer1000Orders(unit)));
        out.printf("  %-48s %10s   $%.4f%n", "total", "", usdPer1000Orders());
        out.printf("  %-48s %10.0f   $%.4f a month kept%n", "S3 bytes written", perOrder.of(BillableUnit.S3_BYTES_PUT),
                usdPer1000Orders(BillableUnit.S3_BYTES_PUT));
    }

    /** The report JSON's {@code cost}: the keys the issue names, then each unit per order and its price. */
    public ObjectNode toJson() {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("usdPer1000Orders", usdPer1000Orders());
        json.put("stateTransitionsPerOrder", perOrder.of(BillableUnit.STATE_TRANSITIONS));
        json.put("dynamoWriteUnitsPerOrder", perOrder.of(BillableUnit.DYNAMODB_WRITE_UNITS));
        json.put("dynamoReadUnitsPerOrder", perOrder.of(BillableUnit.DYNAMODB_READ_UNITS));
        json.put("lambdaGbSecondsPerOrder", perOrder.of(BillableUnit.LAMBDA_GB_SECONDS));
        json.put("orders", orders).put("priceRegion", prices.region()).put("pricesRecorded", prices.recorded());
        ObjectNode units = json.putObject("units");
        for (BillableUnit unit : BillableUnit.values()) {
            PriceTable.Price price = prices.of(unit);
            units.putObject(unit.name()).put("perOrder", perOrder.of(unit))
                    .put(price.monthly() ? "usdPer1000OrdersPerMonth" : "usdPer1000Orders", usdPer1000Orders(unit))
                    .put("description", unit.description()).put("priceUsd", price.usd()).put("per", price.per())
                    .put("source", price.source());
        }
        return json;
    }
}
