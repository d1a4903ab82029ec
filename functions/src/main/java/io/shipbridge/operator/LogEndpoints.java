package io.shipbridge.operator;

import io.shipbridge.exports.CsvExports;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.storage.OperationsLogStore;
import io.shipbridge.storage.Page;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** The operations log and the CSV exports, for an operator. */
public final class LogEndpoints {
    private static final int PAGE = 100;
    private static final int MAX_PAGE = 1000;

    private final OperationsLogStore operations;
    private final CsvExports exports;
    private final Clock clock;

    public LogEndpoints(OperationsLogStore operations, CsvExports exports, Clock clock) {
        this.operations = operations;
        this.exports = exports;
        this.clock = clock;
    }

    /**
     * {@code GET /api/v1/logs/operations[?date=2026-11-20 | ?orderId=…][&since=…][&limit=…][&cursor=…]}: a day's
     * rows (today by default) or one order's, newest first, from {@code since} on when given.
     */
    ApiResponse operations(ApiRequest request) {
        String orderId = request.query("orderId") == null ? null
                : ApiRequest.orderId("orderId", request.query("orderId"));
        if (orderId != null && request.query("date") != null) {
            throw new BadRequestException("give date or orderId, not both");
        }
        Instant day = request.query("date") == null ? clock.instant() : day(request.query("date")).atStartOfDay(
                ZoneOffset.UTC).toInstant();
        Instant since = ApiRequest.instant("since", request.query("since"));
        if (since != null && orderId == null && !LocalDate.ofInstant(since, ZoneOffset.UTC).equals(
                LocalDate.ofInstant(day, ZoneOffset.UTC))) {
            throw new BadRequestException("since must fall on the day listed (" + LocalDate.ofInstant(day,
                    ZoneOffset.UTC) + "); give date for another day");
        }
        Page<OperationRecord> page = operations.page(day, orderId, since, request.query("cursor"),
                request.limit(PAGE, MAX_PAGE));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(orderId == null ? "date" : "orderId", orderId == null ? LocalDate.ofInstant(day, ZoneOffset.UTC)
                : orderId);
        body.put("operations", page.items());
        body.put("next", page.next());
        return ApiResponse.ok(body);
    }

    /**
     * {@code GET /api/v1/logs/exports/operations.csv[?date=2026-11-20]} or {@code .../orders-view.csv}: writes the
     * CSV to {@code exports/} in the bucket and answers where, how many rows, and a download link.
     */
    ApiResponse export(ApiRequest request) {
        String file = request.path("file");
        CsvExports.Kind kind = CsvExports.Kind.ofFileName(file).orElseThrow(() -> new BadRequestException(
                "no export " + file + ": operations.csv or orders-view.csv"));
        LocalDate day = request.query("date") == null ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                : day(request.query("date"));
        return new ApiResponse(201, exports.export(kind, day));
    }

    private LocalDate day(String value) {
        try {
            LocalDate day = LocalDate.parse(value);
            if (day.isAfter(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))) {
                throw new BadRequestException("date " + value + " is in the future");
            }
            return day;
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadRequestException("date must be a day as 2026-11-20, was " + value);
        }
    }
}
