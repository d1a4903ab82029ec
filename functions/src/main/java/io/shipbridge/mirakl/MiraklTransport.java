package io.shipbridge.mirakl;

import io.shipbridge.http.Backoff;
import io.shipbridge.http.HttpSender;
import io.shipbridge.http.RetryAfter;
import io.shipbridge.http.Sleeper;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.operations.OperationStatus;
import io.shipbridge.operations.OperationsLog;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Sends one Mirakl API call: the raw API key in {@code Authorization}, at most three attempts, 429 waits what
 * {@code Retry-After} says, 5xx and network errors back off 1 then 2 seconds, 400/401/403/404 are not retried and
 * come out as typed errors. Every attempt is a row in the operations log.
 */
final class MiraklTransport {
    private static final String SCOPE = "mirakl";

    private final MiraklSettings settings;
    private final HttpSender http;
    private final OperationsLog operations;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Duration longestRetryAfter;

    MiraklTransport(MiraklSettings settings, HttpSender http, OperationsLog operations, Sleeper sleeper, Clock clock,
            Duration longestRetryAfter) {
        this.settings = settings;
        this.http = http;
        this.operations = operations;
        this.sleeper = sleeper;
        this.clock = clock;
        this.longestRetryAfter = longestRetryAfter;
    }

    /** One call of the API. {@code meta} is copied into its operations log rows. */
    record Call(String action, String orderId, String method, String path, Map<String, String> query, String body,
            Map<String, Object> meta) {
    }

    String send(Call call) {
        HttpRequest request = request(call);
        for (int attempt = 1; ; attempt++) {
            long started = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = http.send(request);
            } catch (IOException e) {
                String message = call.method() + " " + call.path() + " failed: " + e;
                if (attempt < Backoff.MAX_ATTEMPTS) {
                    log(call, OperationStatus.RETRY, message, attempt, 0, started);
                    pause(Backoff.afterAttempt(attempt));
                    continue;
                }
                log(call, OperationStatus.ERROR, message, attempt, 0, started);
                throw new MiraklUnavailableException("Mirakl unreachable after " + attempt + " attempts: " + message,
                        0, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MiraklUnavailableException("Interrupted while calling Mirakl", 0, e);
            }
            int status = response.statusCode();
            String summary = call.method() + " " + call.path() + " -> " + status;
            if (status >= 200 && status < 300) {
                log(call, OperationStatus.OK, summary, attempt, status, started);
                return response.body();
            }
            String error = summary + ": " + MiraklErrors.message(response.body());
            if (status == 429) {
                Optional<Duration> asked = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null),
                        clock.instant());
                Duration wait = asked.orElse(Backoff.afterAttempt(attempt));
                if (attempt < Backoff.MAX_ATTEMPTS && wait.compareTo(longestRetryAfter) <= 0) {
                    log(call, OperationStatus.RETRY, error + " (waiting " + wait.toSeconds() + " s)", attempt,
                            status, started);
                    pause(wait);
                    continue;
                }
                log(call, OperationStatus.ERROR, error, attempt, status, started);
                throw new MiraklRateLimitedException("Mirakl rate limit: " + error, asked.orElse(null));
            }
            if (status >= 500) {
                if (attempt < Backoff.MAX_ATTEMPTS) {
                    log(call, OperationStatus.RETRY, error, attempt, status, started);
                    pause(Backoff.afterAttempt(attempt));
                    continue;
                }
                log(call, OperationStatus.ERROR, error, attempt, status, started);
                throw new MiraklUnavailableException("Mirakl failed after " + attempt + " attempts: " + error, status,
                        null);
            }
            log(call, OperationStatus.ERROR, error, attempt, status, started);
            throw switch (status) {
                case 401, 403 -> new MiraklAuthenticationException("Mirakl refused the API key: " + error, status);
                case 404 -> new MiraklNotFoundException("Not found on Mirakl: " + error);
                default -> new MiraklRejectedException("Mirakl rejected the request: " + error, status);
            };
        }
    }

    private HttpRequest request(Call call) {
        Map<String, String> query = new LinkedHashMap<>(call.query());
        if (settings.shopId() != null) {
            query.put("shop_id", settings.shopId());
        }
        String queryString = query.isEmpty() ? "" : "?" + query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(settings.baseUrl() + call.path() + queryString))
                .timeout(settings.requestTimeout())
                .header("Authorization", settings.apiKey().get())
                .header("Accept", "application/json");
        if (call.body() != null) {
            builder.header("Content-Type", "application/json")
                    .method(call.method(), HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
        } else {
            builder.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MiraklUnavailableException("Interrupted while waiting to retry Mirakl", 0, e);
        }
    }

    private void log(Call call, OperationStatus status, String message, int attempt, int httpStatus, long started) {
        Map<String, Object> meta = new LinkedHashMap<>(call.meta());
        meta.put("attempt", attempt);
        meta.put("http_status", httpStatus);
        meta.put("duration_ms", (System.nanoTime() - started) / 1_000_000);
        operations.record(new OperationRecord(Instant.now(clock), SCOPE, call.action(), call.orderId(), null, status,
                message, meta));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
