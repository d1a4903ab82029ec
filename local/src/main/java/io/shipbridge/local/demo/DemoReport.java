package io.shipbridge.local.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import io.shipbridge.local.cost.CostReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What a demo run did: orders per final state and carrier, order latency (p50/p95, simulated and wall), throughput,
 * calls per order, and every problem found; {@code passed} only when every order ended as its input justifies.
 */
public record DemoReport(int orders, boolean passed, Map<String, Integer> byState, Map<String, Integer> byCarrier,
        Map<String, CarrierUse> carriers, List<Double> simulatedHours, Map<String, List<Double>> stepMinutes, List<Double> wallLatencySeconds,
        double timeScale, double wallSeconds, double processingSeconds, double startupSeconds, Duration simulated,
        Map<Metric, Double> calls, List<FunctionUse> functions, Map<String, Double> metrics, List<String> otherEndings,
        List<OrderOutcome> orderOutcomes, List<String> problems, String seller,
        Map<String, Map<LocalDate, Integer>> handovers, Map<String, Integer> statusFiles,
        Map<String, FileSendings> fileSendings, CostReport cost) {

    /** What reached a carrier that takes files: manifests e-mailed, uploads its SFTP server refused (sent again). */
    public record FileSendings(int emailed, int uploadsRefused) {
    }

    /**
     * How one order ended.
     *
     * @param finalState  its state, or {@code NOT_TAKEN_IN}
     * @param reason      the last reason in its history (why it failed, was cancelled...)
     * @param voidByHand  its order was cancelled after its shipment was made, and nobody could cancel that here
     */
    public record OrderOutcome(String orderId, String finalState, String carrier, String trackingNumber, String reason,
            boolean voidByHand) {
    }

    /**
     * How much one function of the template was used: invocations, failed ones, wall time spent in it, its handlers'
     * CPU time, and the most one invocation allocated (what its memory size is chosen from, with the CPU it buys).
     */
    public record FunctionUse(String name, long invocations, long errors, Duration busy, int memoryMb, Duration cpu,
            long mostAllocatedBytes) {

        double meanMillis() {
            return invocations == 0 ? 0 : busy.toNanos() / 1e6 / invocations;
        }

        double cpuMillisPerInvocation() {
            return invocations == 0 ? 0 : cpu.toNanos() / 1e6 / invocations;
        }

        double mostAllocatedMb() {
            return mostAllocatedBytes / (1024.0 * 1024.0);
        }
    }

    /** How much one simulated carrier was used: orders the rules gave it, shipments it created, requests it took. */
    public record CarrierUse(int orders, int shipmentsCreated, long requests) {

        double shipmentsPerOrder() {
            return orders == 0 ? 0 : shipmentsCreated / (double) orders;
        }
    }

    /** Per-order call figures (and run totals for faults and webhooks). */
    public enum Metric {
        MIRAKL_REQUESTS("Mirakl requests per order (all, OR11 included)"),
        OR21_APPLIED("OR21 accept taking effect per order"),
        OR23_APPLIED("OR23 tracking taking effect per order"),
        OR24_APPLIED("OR24 ship taking effect per order"),
        CARRIER_REQUESTS("carrier requests per order (all, polls included)"),
        SHIPMENTS_CREATED("carrier shipments created per order"),
        FAULTS_INJECTED("faults injected (total)"),
        WEBHOOKS_DELIVERED("webhooks delivered (total)"),
        WEBHOOK_DUPLICATES("webhooks delivered twice (total)"),
        WEBHOOKS_REFUSED("webhooks the API refused (total)");

        final String label;

        Metric(String label) {
            this.label = label;
        }
    }

    public double p50Hours() {
        return percentile(simulatedHours, 0.50);
    }

    public double p95Hours() {
        return percentile(simulatedHours, 0.95);
    }

    private static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    /** Orders ended per wall-clock second of processing (start-up excluded). */
    public double throughput() {
        return simulatedHours.size() / Math.max(0.001, processingSeconds);
    }

    public void print(PrintStream out) {
        out.println();
        out.println("Shipbridge offline demo: " + orders + " orders, " + (passed ? "PASSED" : "FAILED")
                + (seller.equals("es") ? "" : " (seller " + seller + ")"));
        out.println("  final state                 orders");
        byState.forEach((state, count) -> out.printf("  %-26s %6d%n", state, count));
        out.println("  carrier                     orders  shipments created  per order  requests");
        carriers.forEach((carrier, use) -> out.printf("  %-26s %6d %18d %10.2f %9d%n", carrier, use.orders(),
                use.shipmentsCreated(), use.shipmentsPerOrder(), use.requests()));
        if (byCarrier.containsKey("(none)")) {
            out.printf("  %-26s %6d%n", "(no shipment)", byCarrier.get("(none)"));
        }
        out.printf("  order latency p50 / p95     %.1f h / %.1f h simulated, %.2f s / %.2f s wall%n", p50Hours(),
                p95Hours(), percentile(wallLatencySeconds, 0.5), percentile(wallLatencySeconds, 0.95));
        out.printf("  throughput                  %.1f orders/s wall (%.0f orders/simulated hour)%n", throughput(),
                simulatedHours.size() / Math.max(0.001, simulated.toSeconds() / 3600.0));
        out.printf("  wall time                   %.1f s (start-up %.1f s, orders %.1f s), %s simulated%n",
                wallSeconds, startupSeconds, processingSeconds, format(simulated));
        out.println("  step of a COMPLETE order      p50 / p95 simulated minutes since the previous one");
        stepMinutes.forEach((step, minutes) -> out.printf("  %-26s %8.1f / %.1f%n", step, percentile(minutes, 0.5),
                percentile(minutes, 0.95)));
        calls.forEach((metric, value) -> out.printf("  %-48s %8.2f%n", metric.label, value));
        handovers.forEach((carrier, days) -> days.forEach((day, count) -> out.printf(
                "  %-48s %8d%n", carrier + " hand-overs (manifests) on " + day, count)));
        statusFiles.forEach((carrier, files) -> out.printf("  %-48s %8d%n", carrier + " status files imported",
                files));
        fileSendings.forEach((carrier, sendings) -> {
            out.printf("  %-48s %8d%n", carrier + " manifests e-mailed (SES)", sendings.emailed());
            out.printf("  %-48s %8d%n", carrier + " uploads its SFTP server refused, sent again", sendings
                    .uploadsRefused());
        });
        cost.print(out);
        out.println("  function                    invocations  per order  mean ms  errors  memory MB  CPU ms/inv"
                + "  most allocated MB");
        functions.forEach(f -> out.printf("  %-26s %12d %10.2f %8.1f %7d %10d %11.1f %18.1f%n", f.name(),
                f.invocations(), f.invocations() / (double) Math.max(1, orders), f.meanMillis(), f.errors(),
                f.memoryMb(), f.cpuMillisPerInvocation(), f.mostAllocatedMb()));
        out.println("  metrics the functions emitted (CloudWatch EMF in AWS), totals");
        metrics.forEach((name, total) -> out.printf("  %-48s %10.0f%n", name, total));
        if (!otherEndings.isEmpty()) {
            out.println("  orders that did not complete, and why (the last reason in their history):");
            otherEndings.stream().limit(20).forEach(ending -> out.println("    " + ending));
            if (otherEndings.size() > 20) {
                out.println("    ... and " + (otherEndings.size() - 20) + " more");
            }
        }
        List<OrderOutcome> toVoid = orderOutcomes.stream().filter(OrderOutcome::voidByHand).toList();
        if (!toVoid.isEmpty()) {
            out.println("  shipments to void by hand (their orders were cancelled; the carrier could not cancel them):");
            toVoid.forEach(o -> out.printf("    %s %s %s%n", o.orderId(), o.carrier(), o.trackingNumber()));
        }
        if (!problems.isEmpty()) {
            out.println("  problems:");
            problems.stream().limit(20).forEach(problem -> out.println("    " + problem));
            if (problems.size() > 20) {
                out.println("    ... and " + (problems.size() - 20) + " more");
            }
        }
    }

    public void write(Path file) throws IOException {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("orders", orders).put("passed", passed).put("seller", seller);
        ObjectNode byCarrierAndDay = json.putObject("handovers");
        handovers.forEach((carrier, days) -> {
            ObjectNode perDay = byCarrierAndDay.putObject(carrier);
            days.forEach((day, count) -> perDay.put(day.toString(), count));
        });
        json.set("statusFilesImported", Json.MAPPER.valueToTree(statusFiles));
        json.set("manifestSendings", Json.MAPPER.valueToTree(fileSendings));
        json.set("ordersByFinalState", Json.MAPPER.valueToTree(byState));
        json.set("ordersByCarrier", Json.MAPPER.valueToTree(byCarrier));
        ObjectNode perCarrier = json.putObject("carriers");
        carriers.forEach((carrier, use) -> perCarrier.putObject(carrier).put("orders", use.orders())
                .put("shipmentsCreated", use.shipmentsCreated()).put("shipmentsPerOrder", use.shipmentsPerOrder())
                .put("requests", use.requests()));
        json.putObject("latency").put("p50SimulatedHours", p50Hours()).put("p95SimulatedHours", p95Hours())
                .put("p50WallSeconds", percentile(wallLatencySeconds, 0.5))
                .put("p95WallSeconds", percentile(wallLatencySeconds, 0.95));
        ObjectNode steps = json.putObject("stepSimulatedMinutes");
        stepMinutes.forEach((step, minutes) -> steps.putObject(step).put("p50", percentile(minutes, 0.5))
                .put("p95", percentile(minutes, 0.95)));
        json.put("throughputOrdersPerWallSecond", throughput());
        json.put("wallSeconds", wallSeconds).put("startupSeconds", startupSeconds)
                .put("processingSeconds", processingSeconds).put("simulatedSeconds", simulated.toSeconds())
                .put("timeScale", timeScale);
        ObjectNode perOrder = json.putObject("calls");
        calls.forEach((metric, value) -> perOrder.put(metric.name(), value));
        ObjectNode byFunction = json.putObject("functions");
        functions.forEach(f -> byFunction.putObject(f.name()).put("invocations", f.invocations())
                .put("errors", f.errors()).put("meanMillis", f.meanMillis()).put("memoryMb", f.memoryMb())
                .put("cpuMillisPerInvocation", f.cpuMillisPerInvocation()).put("mostAllocatedMb", f.mostAllocatedMb()));
        json.set("otherEndings", Json.MAPPER.valueToTree(otherEndings));
        ArrayNode outcomes = json.putArray("orderOutcomes");
        orderOutcomes.forEach(o -> outcomes.addObject().put("orderId", o.orderId()).put("finalState", o.finalState())
                .put("carrier", o.carrier()).put("trackingNumber", o.trackingNumber()).put("reason", o.reason())
                .put("voidByHand", o.voidByHand()));
        json.set("metrics", Json.MAPPER.valueToTree(metrics));
        json.set("cost", cost.toJson());
        json.set("problems", Json.MAPPER.valueToTree(problems));
        Files.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json));
    }

    private static String format(Duration duration) {
        return duration.toDays() + "d " + duration.toHoursPart() + "h " + duration.toMinutesPart() + "m";
    }
}
