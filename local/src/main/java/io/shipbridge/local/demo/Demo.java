package io.shipbridge.local.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import io.shipbridge.fulfilment.Cancellation;
import io.shipbridge.local.cloud.OfflineCloud;
import io.shipbridge.local.cost.CostReport;
import io.shipbridge.local.cost.PriceTable;
import io.shipbridge.local.cost.Usage;
import io.shipbridge.local.cloud.Seller;
import io.shipbridge.local.sim.CallLog;
import io.shipbridge.local.sim.Faults;
import io.shipbridge.local.sim.carrier.CarrierSimulator;
import io.shipbridge.local.sim.carrier.FileExchange;
import io.shipbridge.local.states.Execution;
import io.shipbridge.local.time.SimulatedTime;
import io.shipbridge.mirakl.MiraklOrderStates;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.operations.OperationStatus;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.order.StatusChange;
import io.shipbridge.selection.CarrierRule;
import io.shipbridge.selection.CarrierRuleSet;
import io.shipbridge.selection.RuleConditions;
import io.shipbridge.storage.OrderStore;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * Runs orders through the whole of Shipbridge in the offline cloud, to their end: new orders appear on the simulated
 * marketplace, the schedules fetch them, the state machine fulfils them with the simulated carriers, tracking comes
 * by polling and by webhook. Then it checks every order against what its input justifies and reports.
 */
public final class Demo {
    /** The final state of an order Shipbridge never took in (the marketplace showed it cancelled or shipped). */
    static final String NOT_TAKEN_IN = "NOT_TAKEN_IN";

    /** The happy path, each transition once and in this order. */
    static final List<OrderState> COMPLETE_PATH = List.of(OrderState.PENDING_ACCEPTANCE, OrderState.ACCEPTED,
            OrderState.PENDING_POST, OrderState.POSTED, OrderState.AWAITING_TRACKING, OrderState.TRACKED,
            OrderState.MIRAKL_OK, OrderState.COMPLETE);

    /**
     * What to run.
     *
     * @param faultRate share of simulator requests that fail (429, 5xx or a late answer), and of webhooks delivered
     *                  twice
     * @param wallLimit how long to wait for every order to end before giving up
     */
    public record Settings(int orders, Path seedFile, double faultRate, double timeScale, Duration wallLimit,
            long seed, Path catalog) {
    }

    /** The generated orders of the seller the cloud is deployed for. */
    public static OrderSource orders(Seller seller, long seed) {
        return seller == Seller.CANADA ? new CanadianOrderGenerator(new SplittableRandom(seed), 1)
                : new OrderGenerator(new SplittableRandom(seed), 1);
    }

    private Demo() {
    }

    public static DemoReport run(OfflineCloud.Options options, Settings settings, PrintStream out)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        out.printf("Starting the offline cloud from %s (discrete time: the clock stands still while work is under way"
                + " and moves to the next event when all of it waits)...%n", options.template());
        // Held from the start until the orders are placed: the seller's setup and the orders all come at the
        // first instant, before any schedule runs, on any machine.
        try (OfflineCloud cloud = OfflineCloud.startHeld(options.withDiscreteTime())) {
            SimulatedTime.Hold setup = cloud.startHold();
            double startupSeconds = (System.nanoTime() - started) / 1e9;
            out.printf("Up in %.1f s: Step Functions %s, API %s, Mirakl %s%n", startupSeconds,
                    cloud.stepFunctionsUrl(), cloud.apiUrl(), cloud.mirakl().baseUrl());
            cloud.carriers().all().forEach(carrier -> out.printf("  carrier %-15s %s%n", carrier.carrierId(),
                    carrier.baseUrl()));
            cloud.notEmulated().forEach(item -> out.println("  not emulated: " + item));
            if (System.getProperty("shipbridge.log.file") != null) {
                out.println("The functions' logs (JSON, as CloudWatch would have them): "
                        + System.getProperty("shipbridge.log.file"));
            }
            Seller seller = options.seller();
            uploadCatalogs(cloud, settings.catalog(), out);
            if (seller == Seller.SPAIN) {
                cloud.components().settings().put("CARRIER_RULES", Json.write(sellerRules()));
                out.println("Carrier rules: the Balearic and Canary Islands with Correos Express, then the shipped"
                        + " defaults (international Correos Express, under 1 kg OnTime, 1 to 5 kg TIPSA, over 5 kg"
                        + " SEUR); OnTime's manifest and Canada Post's transmit at the daily cut-off");
            } else {
                out.println("Carrier rules: the shipped defaults (Canada Post for Canada); Canada Post's shipments are"
                        + " transmitted at the " + cloud.parameter("DailyCutoffSchedule") + " cut-off, "
                        + cloud.parameter("SellerTimeZone"));
            }
            if (settings.faultRate() > 0) {
                cloud.injectFaults(Faults.ofRate(settings.faultRate()));
                out.printf("Injecting faults into %.0f %% of Mirakl and carrier requests and duplicating %.0f %% of"
                        + " webhooks%n", settings.faultRate() * 100, settings.faultRate() * 100);
            }
            Instant simulatedStart = cloud.time().instant();
            Usage usedBefore = cloud.usage().snapshot();
            long ordersPlaced = System.nanoTime();
            List<String> ids;
            try (setup) {
                ids = place(cloud, settings);
            }
            out.printf("%d orders placed on the marketplace at %s (simulated)%n", ids.size(), simulatedStart);
            Map<String, Instant> placedAt = new LinkedHashMap<>();
            ids.forEach(id -> placedAt.put(id, Instant.parse(cloud.mirakl().order(id).path("last_updated_date")
                    .asText())));
            Map<String, String> expected = expectedOutcomes(cloud, ids);
            List<String> takenIn = ids.stream().filter(id -> !expected.get(id).equals(NOT_TAKEN_IN)).toList();
            Awaited awaited = await(cloud, takenIn, settings.wallLimit(), out);
            Map<String, Double> wallLatency = awaited.wallLatency();
            boolean allEnded = awaited.held() != null;
            double wall = (System.nanoTime() - started) / 1e9;
            double processing = (System.nanoTime() - ordersPlaced) / 1e9;
            CostReport cost = CostReport.of(cloud.usage().snapshot().minus(usedBefore), ids.size(),
                    PriceTable.standard());
            DemoReport report = report(cloud, ids, expected, placedAt, allEnded, wallLatency, wall, processing,
                    startupSeconds, Duration.between(simulatedStart, cloud.time().instant()), settings, cost);
            if (awaited.held() != null) {
                awaited.held().close();
            }
            report.print(out);
            return report;
        }
    }

    private static List<String> place(OfflineCloud cloud, Settings settings) throws IOException {
        if (settings.seedFile() != null) {
            return cloud.seed(settings.seedFile());
        }
        OrderSource generator = orders(cloud.seller(), settings.seed());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < settings.orders(); i++) {
            ObjectNode order = generator.next(cloud.time().instant());
            cloud.placeOrder(order, null);
            ids.add(order.path("order_id").asText());
        }
        return ids;
    }

    /**
     * The seller uploads the demo catalog's CSV, and a catalog of its own if it has one, under {@code catalog/}: the
     * import function reads each, as in AWS; each import's outcome is printed, and a refused file ends the demo.
     */
    public static void uploadCatalogs(OfflineCloud cloud, Path own, PrintStream out) throws IOException {
        cloud.putObject("LabelBucket", "catalog/demo-catalog.csv", orders(cloud.seller(), 0).catalogCsv().getBytes(
                StandardCharsets.UTF_8));
        if (own != null) {
            cloud.uploadCatalog(own);
        }
        for (OperationRecord row : cloud.components().operations().ofDay(cloud.time().instant())) {
            if (row.action().equals("import_catalog")) {
                out.println("Catalog: " + row.message());
                if (row.status() != OperationStatus.OK) {
                    throw new IllegalArgumentException("The catalog was refused: " + row.message());
                }
            }
        }
    }

    /**
     * The demo seller's carrier rules, as a seller stores them: the islands (customs papers to the Canaries are
     * Correos Express's trade) with Correos Express, then the rules Shipbridge ships with.
     */
    static CarrierRuleSet sellerRules() {
        CarrierRuleSet defaults = CarrierRuleSet.defaults();
        List<CarrierRule> rules = new ArrayList<>();
        rules.add(new CarrierRule("islands-correos-express", new RuleConditions(null, List.of("ES"), null,
                List.of("07*", "35*", "38*"), null, null), "correosexpress"));
        rules.addAll(defaults.rules());
        return new CarrierRuleSet(defaults.preferredCarrierField(), rules);
    }

    /**
     * What each order should end as: what its {@code x-simulation} says, else {@link #NOT_TAKEN_IN} for an order the
     * marketplace already shows as cancelled, refused or shipped (Shipbridge does not take those in), else COMPLETE.
     */
    private static Map<String, String> expectedOutcomes(OfflineCloud cloud, List<String> ids) {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String id : ids) {
            String state = cloud.mirakl().order(id).path("order_state").asText();
            boolean ignored = MiraklOrderStates.isCancelled(state) || MiraklOrderStates.isShippedOrLater(state);
            String scripted = cloud.mirakl().simulation(id).path("expect").asText(null);
            expected.put(id, scripted != null ? scripted : ignored ? NOT_TAKEN_IN : OrderState.COMPLETE.name());
        }
        return expected;
    }

    /**
     * Waits until every order's execution has ended, showing progress, and says when each ended: seconds of wall time
     * since the orders were placed, as first seen at an instant when all work waited for the clock. Orders missing
     * from the answer had not ended when the wall limit came. When all did, the clock is left held at that instant
     * (the answer's hold) so that the report reads the run as it ended, the same on any machine.
     */
    private static Awaited await(OfflineCloud cloud, List<String> ids, Duration limit, PrintStream out)
            throws InterruptedException {
        long begun = System.nanoTime();
        Map<String, Double> ended = Collections.synchronizedMap(new LinkedHashMap<>());
        // Even when no order is to be taken in, the schedules must have fetched a few times before that is known.
        Instant settled = cloud.time().instant().plus(Duration.ofMinutes(15));
        BooleanSupplier allEnded = () -> {
            Map<String, Execution> executions = executionsByName(cloud);
            double now = (System.nanoTime() - begun) / 1e9;
            for (String id : ids) {
                Execution execution = executions.get(id);
                if (execution != null && execution.status() != Execution.Status.RUNNING) {
                    ended.putIfAbsent(id, now);
                }
            }
            return ended.size() == ids.size() && !cloud.time().instant().isBefore(settled);
        };
        Thread progress = Thread.ofPlatform().daemon().name("demo-progress").start(() -> {
            try {
                while (true) {
                    printProgress(cloud, ids, ended, begun, out);
                    Thread.sleep(3000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            SimulatedTime.Hold held = cloud.time().expectHolding(allEnded, settled.plus(Duration.ofDays(30)), limit);
            return new Awaited(new LinkedHashMap<>(ended), held);
        } catch (IllegalStateException wallLimitPassed) {
            return new Awaited(new LinkedHashMap<>(ended), null);
        } finally {
            progress.interrupt();
            progress.join();
            printProgress(cloud, ids, ended, begun, out);
        }
    }

    /** The orders ended when the wait ended, and the clock held at that instant ({@code null}: it never came). */
    private record Awaited(Map<String, Double> wallLatency, SimulatedTime.Hold held) {
    }

    private static void printProgress(OfflineCloud cloud, List<String> ids, Map<String, Double> ended, long begun,
            PrintStream out) {
        out.printf("  [%5.1f s] %d/%d orders done, simulated time %s (%d moves of the clock)%n",
                (System.nanoTime() - begun) / 1e9, ended.size(), ids.size(),
                cloud.time().instant().truncatedTo(ChronoUnit.SECONDS), cloud.time().moves());
    }

    private static Map<String, Execution> executionsByName(OfflineCloud cloud) {
        Map<String, Execution> byName = new TreeMap<>();
        cloud.engine().executions().forEach(e -> byName.put(e.name(), e));
        return byName;
    }

    private static DemoReport report(OfflineCloud cloud, List<String> ids, Map<String, String> expectations,
            Map<String, Instant> placedAt, boolean allEnded, Map<String, Double> wallLatency, double wallSeconds,
            double processingSeconds, double startupSeconds, Duration simulated, Settings settings, CostReport cost) {
        OrderStore orders = cloud.components().orders();
        CallLog mirakl = cloud.mirakl().calls();
        Map<String, Long> or21 = mirakl.appliedByKey("OR21");
        Map<String, Long> or23 = mirakl.appliedByKey("OR23");
        Map<String, Long> or24 = mirakl.appliedByKey("OR24");
        Map<String, Integer> byState = new TreeMap<>();
        Map<String, Integer> byCarrier = new TreeMap<>();
        List<Double> simulatedHours = new ArrayList<>();
        Map<String, List<Double>> stepMinutes = new LinkedHashMap<>();
        COMPLETE_PATH.forEach(state -> stepMinutes.put(state.name(), new ArrayList<>()));
        List<String> problems = new ArrayList<>();
        List<String> otherEndings = new ArrayList<>();
        List<DemoReport.OrderOutcome> outcomes = new ArrayList<>();
        Map<String, Execution> executions = executionsByName(cloud);
        for (String id : ids) {
            Optional<OrderView> found = orders.find(id);
            String expected = expectations.get(id);
            outcomes.add(outcome(cloud, id, found));
            if (found.isEmpty()) {
                byState.merge(NOT_TAKEN_IN, 1, Integer::sum);
                if (!expected.equals(NOT_TAKEN_IN)) {
                    problems.add(id + ": never taken in (expected " + expected + ")");
                } else if (or21.containsKey(id)) {
                    problems.add(id + ": not taken in, yet accepted on Mirakl");
                }
                continue;
            }
            OrderView view = found.get();
            byState.merge(view.state().name(), 1, Integer::sum);
            byCarrier.merge(view.shipment() == null ? "(none)" : view.shipment().carrier(), 1, Integer::sum);
            List<StatusChange> history = orders.history(id);
            Execution execution = executions.get(id);
            if (execution == null || execution.status() == Execution.Status.RUNNING) {
                problems.add(id + ": still running in " + view.state());
            }
            if (view.state() != OrderState.COMPLETE) {
                otherEndings.add(String.format("%s %-17s (expected %s) %s", id, view.state(), expected,
                        history.get(history.size() - 1).reason()));
            }
            if (!view.state().name().equals(expected)) {
                problems.add(id + ": ended " + view.state() + ", expected " + expected + " ("
                        + history.get(history.size() - 1).reason() + ")");
            }
            if (view.state().isTerminal() || view.state().isFailure()) {
                Instant end = history.get(history.size() - 1).at();
                simulatedHours.add(Duration.between(placedAt.get(id), end).toSeconds() / 3600.0);
            }
            if (view.state() == OrderState.COMPLETE) {
                Instant previous = placedAt.get(id);
                for (StatusChange change : history) {
                    stepMinutes.computeIfAbsent(change.to().name(), s -> new ArrayList<>())
                            .add(Duration.between(previous, change.at()).toSeconds() / 60.0);
                    previous = change.at();
                }
            }
            check(cloud, view, history, or21, or23, or24, problems);
        }
        EnumMap<DemoReport.Metric, Double> calls = new EnumMap<>(DemoReport.Metric.class);
        double n = Math.max(1, ids.size());
        calls.put(DemoReport.Metric.MIRAKL_REQUESTS, mirakl.count(c -> true) / n);
        calls.put(DemoReport.Metric.OR21_APPLIED, or21.values().stream().mapToLong(Long::longValue).sum() / n);
        calls.put(DemoReport.Metric.OR23_APPLIED, or23.values().stream().mapToLong(Long::longValue).sum() / n);
        calls.put(DemoReport.Metric.OR24_APPLIED, or24.values().stream().mapToLong(Long::longValue).sum() / n);
        List<CarrierSimulator> carriers = cloud.carriers().all();
        long carrierRequests = carriers.stream().mapToLong(c -> c.calls().count(call -> true)).sum();
        long shipmentsCreated = carriers.stream().mapToLong(c -> c.shipments().created()).sum();
        calls.put(DemoReport.Metric.CARRIER_REQUESTS, carrierRequests / n);
        calls.put(DemoReport.Metric.SHIPMENTS_CREATED, shipmentsCreated / n);
        calls.put(DemoReport.Metric.FAULTS_INJECTED, (double) (mirakl.count(c -> c.outcome() == CallLog.Outcome.FAULT)
                + carriers.stream().mapToLong(c -> c.calls().count(call -> call.outcome() == CallLog.Outcome.FAULT))
                        .sum()));
        calls.put(DemoReport.Metric.WEBHOOKS_DELIVERED, (double) cloud.webhooks().delivered());
        calls.put(DemoReport.Metric.WEBHOOK_DUPLICATES, (double) cloud.webhooks().duplicates());
        calls.put(DemoReport.Metric.WEBHOOKS_REFUSED, (double) cloud.webhooks().refused());
        List<DemoReport.FunctionUse> functions = cloud.functions().values().stream()
                .map(f -> new DemoReport.FunctionUse(f.name(), f.invocations(), f.errors(), f.busy(),
                        f.memory(), f.cpu(), f.mostAllocatedBytes()))
                .sorted(java.util.Comparator.comparing(DemoReport.FunctionUse::name)).toList();
        Map<String, Double> metrics = cloud.metrics().totals();
        checkLabelLink(cloud, outcomes, problems);
        // Every function's calls were held to its IAM policy in template.yaml: a refused one fails the demo.
        cloud.policies().forEach((function, policy) -> policy.denials().stream().findFirst().ifPresent(first ->
                problems.add(function + ": " + policy.deniedCount() + " AWS calls refused by its IAM policy, first: "
                        + first.message())));
        checkMetrics(metrics, (int) outcomes.stream().filter(o -> !o.finalState().equals(NOT_TAKEN_IN)).count(),
                shipmentsCreated, problems);
        Map<String, DemoReport.CarrierUse> carrierUse = new TreeMap<>();
        for (CarrierSimulator carrier : carriers) {
            carrierUse.put(carrier.carrierId(), new DemoReport.CarrierUse(byCarrier.getOrDefault(carrier.carrierId(),
                    0), carrier.shipments().created(), carrier.calls().count(call -> true)));
        }
        Map<String, Map<LocalDate, Integer>> handovers = new TreeMap<>();
        Map<String, Integer> statusFiles = new TreeMap<>();
        Map<String, DemoReport.FileSendings> fileSendings = new TreeMap<>();
        for (CarrierSimulator carrier : carriers) {
            if (carrier instanceof FileExchange files && !carrier.handoversByDay().isEmpty()) {
                fileSendings.put(carrier.carrierId(), new DemoReport.FileSendings(files.mails(),
                        files.refusedUploads()));
                checkMailed(carrier, files, problems);
            }
            if (carrier.filesDropped() > 0) {
                statusFiles.put(carrier.carrierId(), carrier.filesDropped());
            }
            if (!carrier.handoversByDay().isEmpty()) {
                handovers.put(carrier.carrierId(), new TreeMap<>(carrier.handoversByDay()));
            }
            checkHandovers(carrier, problems);
        }
        return new DemoReport(ids.size(), allEnded && problems.isEmpty(), byState, byCarrier, carrierUse,
                simulatedHours, stepMinutes, List.copyOf(wallLatency.values()), settings.timeScale(), wallSeconds,
                processingSeconds, startupSeconds, simulated, calls, functions, metrics, otherEndings, outcomes,
                problems, cloud.seller() == Seller.CANADA ? "ca" : "es", handovers, statusFiles, fileSendings, cost);
    }

    /** A carrier that takes files got each day's manifest by e-mail too, once. */
    private static void checkMailed(CarrierSimulator carrier, FileExchange files, List<String> problems) {
        int manifests = carrier.handoversByDay().values().stream().mapToInt(Integer::intValue).sum();
        if (files.mails() != manifests) {
            problems.add(carrier.carrierId() + ": " + files.mails() + " manifests e-mailed, " + manifests
                    + " collected from its SFTP server");
        }
    }

    /**
     * A carrier that takes the day's shipments together got each shipment in exactly one hand-over, at most one a
     * day; none is left untransmitted (its carrier would bill it at full rates).
     */
    private static void checkHandovers(CarrierSimulator carrier, List<String> problems) {
        carrier.handoversByDay().forEach((day, count) -> {
            if (count > 1) {
                problems.add(carrier.carrierId() + ": " + count + " hand-overs on " + day + ", expected one");
            }
        });
        List<String> left = carrier.notHandedOver();
        if (!left.isEmpty()) {
            problems.add(carrier.carrierId() + ": " + left.size() + " shipments never handed over, e.g. "
                    + left.get(0));
        }
    }

    /** How one order ended, with the reason its history (or, never taken in, the operations log) gives. */
    private static DemoReport.OrderOutcome outcome(OfflineCloud cloud, String id, Optional<OrderView> found) {
        List<OperationRecord> operations = cloud.components().operations().forOrder(id);
        if (found.isEmpty()) {
            String reason = operations.stream().filter(r -> r.status() == OperationStatus.SKIPPED).findFirst()
                    .map(OperationRecord::message).orElse("never seen by a fetch");
            return new DemoReport.OrderOutcome(id, NOT_TAKEN_IN, null, null, reason, false);
        }
        OrderView view = found.get();
        List<StatusChange> history = cloud.components().orders().history(id);
        boolean voidByHand = operations.stream().anyMatch(r -> r.action().equals(Cancellation.VOID_BY_HAND));
        return new DemoReport.OrderOutcome(id, view.state().name(),
                view.shipment() == null ? null : view.shipment().carrier(),
                view.shipment() == null ? null : view.shipment().trackingNumber(),
                history.get(history.size() - 1).reason(), voidByHand);
    }

    /** A label handed out as a link (presigned, 15 minutes) downloads the very label stored. */
    private static void checkLabelLink(OfflineCloud cloud, List<DemoReport.OrderOutcome> outcomes,
            List<String> problems) {
        outcomes.stream().filter(o -> o.finalState().equals(OrderState.COMPLETE.name())).findFirst().ifPresent(o -> {
            String key = cloud.components().orders().get(o.orderId()).shipment().labelKey();
            try {
                byte[] linked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        cloud.components().labels().link(key)).build(),
                        HttpResponse.BodyHandlers.ofByteArray()).body();
                if (!Arrays.equals(linked, cloud.components().labels().get(key))) {
                    problems.add(o.orderId() + ": its label link does not download its label");
                }
            } catch (IOException | InterruptedException e) {
                problems.add(o.orderId() + ": its label link fails: " + e);
            }
        });
    }

    /** The metrics must count what happened: each order fetched once, each shipment the carrier made once. */
    private static void checkMetrics(Map<String, Double> metrics, int orders, long shipments, List<String> problems) {
        if (metrics.getOrDefault("OrdersFetched", 0.0) != orders) {
            problems.add("metric OrdersFetched is " + metrics.get("OrdersFetched") + ", " + orders + " orders placed");
        }
        if (metrics.getOrDefault("ShipmentsCreated", 0.0) != shipments) {
            problems.add("metric ShipmentsCreated is " + metrics.get("ShipmentsCreated") + ", the carriers created "
                    + shipments);
        }
    }

    /** What every order must show: each call once, each transition once and in order, its label stored. */
    private static void check(OfflineCloud cloud, OrderView view, List<StatusChange> history, Map<String, Long> or21,
            Map<String, Long> or23, Map<String, Long> or24, List<String> problems) {
        String id = view.orderId();
        long shipments = cloud.carriers().shipmentsFor(id).size();
        if (or21.getOrDefault(id, 0L) > 1 || or23.getOrDefault(id, 0L) > 1 || or24.getOrDefault(id, 0L) > 1
                || shipments > 1) {
            problems.add(id + ": a call took effect twice (OR21 " + or21.get(id) + ", OR23 " + or23.get(id)
                    + ", OR24 " + or24.get(id) + ", shipments " + shipments + ")");
        }
        List<OrderState> path = history.stream().map(StatusChange::to).toList();
        if (view.state() == OrderState.COMPLETE) {
            if (or21.getOrDefault(id, 0L) != 1 || or23.getOrDefault(id, 0L) != 1 || or24.getOrDefault(id, 0L) != 1
                    || shipments != 1) {
                problems.add(id + ": COMPLETE without exactly one OR21, OR23, OR24 and shipment");
            }
            if (!path.equals(COMPLETE_PATH)) {
                problems.add(id + ": history " + path + " is not the happy path once and in order");
            }
            try {
                cloud.components().labels().get(view.shipment().labelKey());
            } catch (RuntimeException e) {
                problems.add(id + ": no label at " + view.shipment().labelKey());
            }
        } else if (path.stream().distinct().count() != path.size()) {
            problems.add(id + ": a state repeats in its history " + path);
        }
        if (view.state().isFailure() && (view.failureReason() == null || view.failureReason().isBlank())) {
            problems.add(id + ": " + view.state() + " without a reason");
        }
    }
}
