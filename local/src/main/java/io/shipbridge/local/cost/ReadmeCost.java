package io.shipbridge.local.cost;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.config.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps the README's cost table the table of a demo run: the run's {@code cost} is kept beside the README
 * ({@code local/readme-cost.json}), the README's table between its markers is rendered from it, and a later run is
 * checked against it, so the README changes when the cost does.
 */
public final class ReadmeCost {
    public static final String BEGIN = "<!-- cost-table:begin -->";
    public static final String END = "<!-- cost-table:end -->";
    /**
     * How far a new run's units may be from the README's. Transitions are counts per order; the schedules' runs are
     * spread over the simulated span of the run, which still depends on the machine's speed (issue 14); durations are
     * CPU times. The queue's batches form in wall time (the event source's batching window at the clock's pace), so
     * a busier machine makes more and smaller batches: more Lambda requests, and more SQS receives and deletes, per
     * order (8.3 and 11.7 SQS requests per order in two CI runs a commit apart, neither touching the queues), until issue 14's clock.
     */
    private static final Map<BillableUnit, Double> TOLERANCES = Map.of(
            BillableUnit.STATE_TRANSITIONS, 0.05,
            BillableUnit.SCHEDULER_INVOCATIONS, 0.50,
            BillableUnit.XRAY_TRACES, 0.50,
            BillableUnit.LAMBDA_REQUESTS, 0.50,
            BillableUnit.SQS_REQUESTS, 0.50,
            BillableUnit.LAMBDA_GB_SECONDS, 0.60);
    private static final double OTHER_TOLERANCE = 0.20;
    private static final double TOTAL_TOLERANCE = 0.15;
    /** A unit below this share of the total is held through the total only (see {@link #differences}). */
    static final double MATERIAL_SHARE = 0.02;

    private final Path readme;
    private final Path recorded;

    public ReadmeCost(Path repository) {
        this.readme = repository.resolve("README.md");
        this.recorded = repository.resolve("local/readme-cost.json");
    }

    /** The run the README shows. */
    public CostReport recorded() throws IOException {
        return CostReport.fromJson(Json.MAPPER.readTree(recorded.toFile()), PriceTable.standard());
    }

    /** The table between the README's markers. */
    public String readmeTable() throws IOException {
        String text = Files.readString(readme);
        int[] block = block(text);
        return text.substring(block[0], block[1]).strip() + System.lineSeparator();
    }

    /** Where the text between the README's markers begins and ends. */
    private static int[] block(String text) {
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException("README.md has no " + BEGIN + " ... " + END + " block");
        }
        return new int[] {begin + BEGIN.length(), end};
    }

    /** Makes a demo report's cost the README's: kept, and its table written between the markers. */
    public void update(Path demoReport) throws IOException {
        JsonNode cost = Json.MAPPER.readTree(demoReport.toFile()).path("cost");
        Files.writeString(recorded, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(cost) + "\n");
        String table = CostReport.fromJson(cost, PriceTable.standard()).markdownTable();
        String text = Files.readString(readme);
        int[] block = block(text);
        Files.writeString(readme, text.substring(0, block[0]) + "\n" + table + text.substring(block[1]));
    }

    /** How a demo report's cost differs from the README's beyond the tolerances; empty when they agree. */
    public List<String> differences(Path demoReport) throws IOException {
        return differences(CostReport.fromJson(Json.MAPPER.readTree(demoReport.toFile()).path("cost"),
                PriceTable.standard()), recorded());
    }

    /**
     * How {@code run} differs from {@code shown}: the total, and each unit that makes up at least
     * {@link #MATERIAL_SHARE} of it in either. A smaller unit is held through the total only: the schedules' few
     * runs per order are spread over the run's simulated span, which a slow machine can stretch 2.5 times (the last
     * order's hand-over slipping past a daily cut-off), until issue 14's clock waits for the work. Storage is
     * priced by the month, not in the total, and the README's table does not show it.
     */
    static List<String> differences(CostReport run, CostReport shown) {
        List<String> differences = new ArrayList<>();
        for (BillableUnit unit : BillableUnit.values()) {
            double share = Math.max(run.usdPer1000Orders(unit), shown.usdPer1000Orders(unit))
                    / shown.usdPer1000Orders();
            if (shown.prices().of(unit).monthly() || share < MATERIAL_SHARE) {
                continue;
            }
            double tolerance = TOLERANCES.getOrDefault(unit, OTHER_TOLERANCE);
            double expected = shown.perOrder().of(unit);
            double actual = run.perOrder().of(unit);
            if (Math.abs(actual - expected) > Math.max(0.05, tolerance * expected)) {
                differences.add(String.format("%s: %.3f per order in this run, %.3f in the README's", unit, actual,
                        expected));
            }
        }
        if (Math.abs(run.usdPer1000Orders() - shown.usdPer1000Orders()) > TOTAL_TOLERANCE
                * shown.usdPer1000Orders()) {
            differences.add(String.format("total: $%.4f per 1,000 orders in this run, $%.4f in the README's",
                    run.usdPer1000Orders(), shown.usdPer1000Orders()));
        }
        return differences;
    }
}
