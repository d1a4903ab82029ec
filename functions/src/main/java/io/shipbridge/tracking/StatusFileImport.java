package io.shipbridge.tracking;

import io.shipbridge.carrier.CarrierModule;
import io.shipbridge.carrier.CarrierModules;
import io.shipbridge.carrier.TrackingEvent;
import io.shipbridge.catalog.CatalogImport;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.operations.OperationStatus;
import io.shipbridge.operations.OperationsLog;
import io.shipbridge.storage.ShipmentIndex;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Imports a status file a carrier without an API dropped under {@code tracking-imports/<carrier>/} (this project's
 * format, README "OnTime's files": {@code shipment_number,status_code,event_time[,location,description]}). Every
 * row is checked; good rows go to the tracking queue as events (identified by their content, so a row imported twice
 * changes nothing), bad rows are listed with their line and reason in a report under
 * {@code tracking-import-reports/<carrier>/} and counted in the operations log; they change nothing.
 */
public final class StatusFileImport {
    public static final String UPLOADS = "tracking-imports/";
    public static final String REPORTS = "tracking-import-reports/";
    /** A status file is a day's events of one carrier: far below this. */
    static final long MAX_BYTES = 5L * 1024 * 1024;
    /** A scan dated further ahead than this is a wrong clock or a typo, not an event. */
    private static final Duration FUTURE = Duration.ofHours(24);
    private static final int ERRORS_IN_LOG = 10;

    private final CatalogImport.Files files;
    private final ShipmentIndex shipments;
    private final TrackingQueue queue;
    private final CarrierModules modules;
    private final OperationsLog operations;
    private final Clock clock;

    public StatusFileImport(CatalogImport.Files files, ShipmentIndex shipments, TrackingQueue queue,
            CarrierModules modules, OperationsLog operations, Clock clock) {
        this.files = files;
        this.shipments = shipments;
        this.queue = queue;
        this.modules = modules;
        this.operations = operations;
        this.clock = clock;
    }

    /** A row that was not imported: its line in the file (the header is line 1) and why. */
    public record RowError(long line, String reason) {
        @Override
        public String toString() {
            return "line " + line + ": " + reason;
        }
    }

    /** What an import did. */
    public record Outcome(String key, String carrier, int imported, List<RowError> errors, boolean skipped) {
    }

    public Outcome importFile(String key) {
        String[] parts = key.startsWith(UPLOADS) ? key.substring(UPLOADS.length()).split("/", 2) : new String[0];
        if (parts.length != 2 || !parts[1].toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return new Outcome(key, null, 0, List.of(), true);
        }
        String carrier = parts[0];
        List<RowError> errors = new ArrayList<>();
        List<TrackingUpdate> updates = new ArrayList<>();
        Optional<CarrierModule> module = modules.find(carrier);
        long size = files.size(key);
        if (module.isEmpty()) {
            errors.add(new RowError(0, "no carrier '" + carrier + "' in this deployment (known: " + modules.ids()
                    + ")"));
        } else if (size > MAX_BYTES) {
            errors.add(new RowError(0, "the file has " + size + " bytes, more than " + MAX_BYTES + ": split it"));
        } else {
            read(files.read(key), module.get(), updates, errors);
        }
        if (!updates.isEmpty()) {
            queue.send(updates);
        }
        String reportKey = REPORTS + key.substring(UPLOADS.length()) + ".json";
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("file", key);
        report.put("importedAt", clock.instant().toString());
        report.put("imported", updates.size());
        report.put("errors", errors.stream().map(e -> Map.of("line", e.line(), "reason", e.reason())).toList());
        files.writeReport(reportKey, report);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("file", key);
        meta.put("report", reportKey);
        meta.put("rows_refused", errors.size());
        operations.record(new OperationRecord(clock.instant(), "carrier", "import_status_file", null, carrier,
                errors.isEmpty() ? OperationStatus.OK : updates.isEmpty() ? OperationStatus.REJECTED
                        : OperationStatus.ERROR, "Imported " + updates.size() + " events from " + key
                        + (errors.isEmpty() ? "" : "; refused " + errors.size() + " rows: " + String.join("; ",
                                errors.stream().limit(ERRORS_IN_LOG).map(RowError::toString).toList())), meta));
        return new Outcome(key, carrier, updates.size(), List.copyOf(errors), false);
    }

    private void read(String content, CarrierModule module, List<TrackingUpdate> updates, List<RowError> errors) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(content), format)) {
            for (String column : List.of("shipment_number", "status_code", "event_time")) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    errors.add(new RowError(1, "the header has no " + column + " column (shipment_number,"
                            + "status_code,event_time[,location,description])"));
                    return;
                }
            }
            for (CSVRecord row : parser) {
                long line = row.getParser().getCurrentLineNumber();
                String problem = problem(row, module);
                if (problem != null) {
                    errors.add(new RowError(line, problem));
                    continue;
                }
                String code = row.get("status_code").toUpperCase(Locale.ROOT);
                TrackingEvent event = new TrackingEvent(row.get("shipment_number"), code,
                        optional(row, "description").orElse(module.statusCodes().describe(code)),
                        module.statusCodes().statusOf(code), OffsetDateTime.parse(row.get("event_time")).toInstant(),
                        optional(row, "location").orElse(null));
                updates.add(TrackingUpdate.fromFile(module.id(), event, clock.instant()));
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            errors.add(new RowError(0, "the file is not CSV: " + e.getMessage()));
        }
    }

    private String problem(CSVRecord row, CarrierModule module) {
        if (!row.isConsistent()) {
            return "has " + row.size() + " fields, the header " + row.getParser().getHeaderNames().size();
        }
        String number = row.get("shipment_number");
        if (number.isEmpty()) {
            return "no shipment_number";
        }
        String code = row.get("status_code").toUpperCase(Locale.ROOT);
        if (module.statusCodes().describe(code) == null) {
            return "status_code '" + row.get("status_code") + "' is not one of " + new java.util.TreeSet<>(
                    module.statusCodes().all().keySet());
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(row.get("event_time")).toInstant();
        } catch (DateTimeParseException e) {
            return "event_time '" + row.get("event_time") + "' is not an ISO-8601 time with its offset, e.g."
                    + " 2026-11-21T14:05:00+01:00";
        }
        if (at.isAfter(clock.instant().plus(FUTURE)) || at.isBefore(Instant.parse("2000-01-01T00:00:00Z"))) {
            return "event_time " + row.get("event_time") + " is not a plausible time for a scan";
        }
        if (shipments.orderOf(module.id(), number).isEmpty()) {
            return "shipment_number " + number + " is not a shipment of this seller";
        }
        return null;
    }

    private static Optional<String> optional(CSVRecord row, String column) {
        return row.isMapped(column) && row.isSet(column) && !row.get(column).isBlank() ? Optional.of(row.get(column))
                : Optional.empty();
    }
}
