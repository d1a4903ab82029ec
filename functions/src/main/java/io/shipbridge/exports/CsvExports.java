package io.shipbridge.exports;

import io.shipbridge.config.Json;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.storage.ExportFiles;
import io.shipbridge.storage.OperationsLogStore;
import io.shipbridge.storage.OrderStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The seed's two CSVs, written to {@code exports/} in the bucket: the operations log of a day (its columns
 * {@code timestamp, scope, action, order_id, carrier, status, message, meta}) and the orders view (one row per order,
 * its state and timestamps). Rows stream from DynamoDB page by page into a local file that is then uploaded, so an
 * export of any size never sits in memory.
 */
public final class CsvExports {
    public static final List<String> OPERATIONS_HEADER = List.of("timestamp", "scope", "action", "order_id",
            "carrier", "status", "message", "meta");
    public static final List<String> ORDERS_VIEW_HEADER = List.of("order_id", "commercial_id", "internal_state",
            "mirakl_state", "carrier_code", "tracking_number", "expedition_id", "carrier_status",
            "mirakl_tracking_updated", "failure_reason", "created_at", "updated_at", "first_scan_at", "delivered_at");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** The export files there are, by the name the API takes. */
    public enum Kind {
        OPERATIONS("operations.csv"), ORDERS_VIEW("orders-view.csv");

        private final String fileName;

        Kind(String fileName) {
            this.fileName = fileName;
        }

        public String fileName() {
            return fileName;
        }

        public static Optional<Kind> ofFileName(String name) {
            for (Kind kind : values()) {
                if (kind.fileName.equals(name)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /** A written export: where it is, how many rows, and a link valid for {@link ExportFiles#LINK_VALIDITY}. */
    public record Export(String file, String key, long rows, URI url, Instant expiresAt) {
    }

    private final OrderStore orders;
    private final OperationsLogStore operations;
    private final ExportFiles files;
    private final Clock clock;

    public CsvExports(OrderStore orders, OperationsLogStore operations, ExportFiles files, Clock clock) {
        this.orders = orders;
        this.operations = operations;
        this.files = files;
        this.clock = clock;
    }

    /** @param day the day of the operations log (UTC); ignored for the orders view, which is as of now */
    public Export export(Kind kind, LocalDate day) {
        Instant now = clock.instant();
        String key = "exports/" + day + "/" + kind.fileName().replace(".csv", "") + "-" + STAMP.format(now) + ".csv";
        Path file = null;
        try {
            file = Files.createTempFile("shipbridge-export-", ".csv");
            long rows;
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                    CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(
                            (kind == Kind.OPERATIONS ? OPERATIONS_HEADER : ORDERS_VIEW_HEADER).toArray(String[]::new))
                            .get())) {
                rows = kind == Kind.OPERATIONS ? writeOperations(csv, day) : writeOrdersView(csv);
            }
            files.put(key, file);
            return new Export(kind.fileName(), key, rows, files.link(key), now.plus(ExportFiles.LINK_VALIDITY));
        } catch (IOException e) {
            throw new UncheckedIOException("Export " + kind.fileName() + " could not be written", e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    private long writeOperations(CSVPrinter csv, LocalDate day) {
        long[] rows = {0};
        operations.forEachOfDay(day.atStartOfDay(ZoneOffset.UTC).toInstant(), row -> {
            print(csv, row.timestamp(), row.scope(), row.action(), row.orderId(), row.carrier(), row.status(),
                    row.message(), Json.write(row.meta()));
            rows[0]++;
        });
        return rows[0];
    }

    private long writeOrdersView(CSVPrinter csv) {
        long[] rows = {0};
        for (OrderState state : OrderState.values()) {
            orders.forEachInState(state, view -> {
                print(csv, orderRow(view));
                rows[0]++;
            });
        }
        return rows[0];
    }

    private static Object[] orderRow(OrderView view) {
        boolean shipped = view.shipment() != null;
        return new Object[] {view.orderId(), view.order() == null ? null : view.order().commercialId(),
            view.state(), view.miraklState(), shipped ? view.shipment().carrier() : null,
            shipped ? view.shipment().trackingNumber() : null, shipped ? view.shipment().carrierShipmentId() : null,
            view.tracking() == null ? null : view.tracking().status(), view.trackingSentAt() != null,
            view.failureReason(), view.createdAt(), view.updatedAt(),
            view.tracking() == null ? null : view.tracking().firstScanAt(),
            view.tracking() == null ? null : view.tracking().deliveredAt()};
    }

    private static void print(CSVPrinter csv, Object... values) {
        try {
            Object[] cells = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                cells[i] = Objects.toString(values[i], "");
            }
            csv.printRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
