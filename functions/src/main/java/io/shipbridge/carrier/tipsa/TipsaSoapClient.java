package io.shipbridge.carrier.tipsa;

import io.shipbridge.carrier.CarrierUnavailableException;
import io.shipbridge.http.HttpSender;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.operations.OperationStatus;
import io.shipbridge.operations.OperationsLog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Posts SOAP envelopes to TIPSA and returns the answer. A SOAP Fault (HTTP 500 with a Fault body) is returned for
 * {@link TipsaResponses} to read; any other failure (unreachable, timeout, 5xx page) is a
 * {@link CarrierUnavailableException}. Every call is a row in the operations log.
 */
final class TipsaSoapClient {
    private static final String CARRIER = "tipsa";

    private final TipsaSettings settings;
    private final HttpSender http;
    private final OperationsLog operations;
    private final Clock clock;

    TipsaSoapClient(TipsaSettings settings, HttpSender http, OperationsLog operations, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.operations = operations;
        this.clock = clock;
    }

    String call(String service, String action, String orderId, String envelope) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.baseUrl() + "?service=" + service))
                .timeout(settings.requestTimeout())
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "urn:" + service)
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
                .build();
        long started = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request);
        } catch (IOException e) {
            log(action, orderId, OperationStatus.ERROR, "TIPSA " + action + " failed: " + e, 0, started);
            throw new CarrierUnavailableException(CARRIER, action + " got no answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CarrierUnavailableException(CARRIER, action + " interrupted", e);
        }
        int status = response.statusCode();
        boolean fault = response.body() != null && response.body().contains("Fault>");
        if (status == 200 || fault) {
            log(action, orderId, fault ? OperationStatus.ERROR : OperationStatus.OK,
                    "TIPSA " + action + " -> " + status + (fault ? " (SOAP fault)" : ""), status, started);
            return response.body();
        }
        log(action, orderId, OperationStatus.ERROR, "TIPSA " + action + " -> HTTP " + status, status, started);
        throw new CarrierUnavailableException(CARRIER, action + " answered HTTP " + status, null);
    }

    private void log(String action, String orderId, OperationStatus status, String message, int httpStatus,
            long started) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("http_status", httpStatus);
        meta.put("duration_ms", (System.nanoTime() - started) / 1_000_000);
        operations.record(new OperationRecord(Instant.now(clock), "carrier", action, orderId, CARRIER, status, message,
                meta));
    }
}
