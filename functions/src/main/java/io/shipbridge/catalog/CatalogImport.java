package io.shipbridge.catalog;

import io.shipbridge.operations.OperationRecord;
import io.shipbridge.operations.OperationStatus;
import io.shipbridge.operations.OperationsLog;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Imports a catalog file the seller uploaded: every row checked first; all of them written, or none when one is bad.
 * The outcome (SKUs imported, or every bad row with its line) is a row in the operations log and a report the seller
 * finds in the bucket beside the uploads. Importing the same file again writes the same values.
 */
public final class CatalogImport {
    /** Where uploads go, and where their reports go (a prefix the upload trigger does not watch). */
    public static final String UPLOADS = "catalog/";
    public static final String REPORTS = "catalog-reports/";
    private static final int ERRORS_IN_LOG = 10;

    /** The largest file read: a catalog of {@link CatalogCsv#MAX_ROWS} rows is far smaller. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    /** Reads and writes the files of the bucket. */
    public interface Files {
        long size(String key);

        String read(String key);

        void writeReport(String key, Map<String, Object> report);
    }

    private final Files files;
    private final Consumer<List<CatalogItem>> catalog;
    private final OperationsLog operations;
    private final Clock clock;

    /** @param catalog writes items to the SKU catalog */
    public CatalogImport(Files files, Consumer<List<CatalogItem>> catalog, OperationsLog operations, Clock clock) {
        this.files = files;
        this.catalog = catalog;
        this.operations = operations;
        this.clock = clock;
    }

    /** What an import did. */
    public record Outcome(String key, int imported, List<CatalogFile.RowError> errors, boolean skipped) {
    }

    public Outcome importFile(String key) {
        if (!key.startsWith(UPLOADS) || !key.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return new Outcome(key, 0, List.of(), true);
        }
        long size = files.size(key);
        CatalogFile file = size > MAX_BYTES ? new CatalogFile(List.of(), List.of(new CatalogFile.RowError(0,
                "the file has " + size + " bytes, more than " + MAX_BYTES + ": split the catalog")))
                : CatalogCsv.parse(files.read(key));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("file", key);
        report.put("importedAt", clock.instant().toString());
        if (file.isValid()) {
            catalog.accept(file.items());
        }
        report.put("imported", file.items().size());
        report.put("errors", file.errors().stream().map(e -> Map.of("line", e.line(), "reason", e.reason())).toList());
        String reportKey = REPORTS + key.substring(UPLOADS.length()) + ".json";
        files.writeReport(reportKey, report);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("file", key);
        meta.put("report", reportKey);
        meta.put("rows_refused", file.errors().size());
        operations.record(new OperationRecord(clock.instant(), "catalog", "import_catalog", null, null,
                file.isValid() ? OperationStatus.OK : OperationStatus.REJECTED, file.isValid()
                        ? "Imported " + file.items().size() + " SKUs from " + key
                        : "Nothing imported from " + key + ": " + file.errors().size() + " bad rows, "
                                + String.join("; ", file.errors().stream().limit(ERRORS_IN_LOG)
                                        .map(CatalogFile.RowError::toString).toList())
                                + (file.errors().size() > ERRORS_IN_LOG ? "; ... (all in " + reportKey + ")" : ""),
                meta));
        return new Outcome(key, file.items().size(), file.errors(), false);
    }
}
