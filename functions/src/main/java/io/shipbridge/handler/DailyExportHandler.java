package io.shipbridge.handler;

import com.amazonaws.services.lambda.runtime.Context;
import io.shipbridge.app.Components;
import io.shipbridge.exports.CsvExports;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Scheduled after midnight UTC: the finished day's operations log and the orders view as they stand, as CSV under
 * {@code exports/<day>/} in the bucket.
 */
public final class DailyExportHandler extends TaskHandler<DailyExportHandler.Trigger, List<CsvExports.Export>> {
    private final CsvExports exports;
    private final java.time.Clock clock;

    /** {@code {"trigger": "daily"}}, optionally {@code "day": "2026-11-20"} to export another day. */
    public record Trigger(String trigger, LocalDate day) {
    }

    public DailyExportHandler() {
        this(Components.fromEnvironment());
    }

    public DailyExportHandler(Components components) {
        super(Trigger.class, components);
        this.exports = components.csvExports();
        this.clock = components.clock();
    }

    /** Both exports of a day long past, every call answered empty: the CSV writer and the temporary file. */
    @Override
    void rehearse() {
        LocalDate past = LocalDate.of(2000, 1, 1);
        exports.export(CsvExports.Kind.OPERATIONS, past);
        exports.export(CsvExports.Kind.ORDERS_VIEW, past);
    }

    @Override
    List<CsvExports.Export> handle(Trigger request, Context context) {
        LocalDate day = request.day() != null ? request.day()
                : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1);
        return List.of(exports.export(CsvExports.Kind.OPERATIONS, day),
                exports.export(CsvExports.Kind.ORDERS_VIEW, day));
    }
}
