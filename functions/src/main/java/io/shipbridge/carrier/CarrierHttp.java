package io.shipbridge.carrier;

import io.shipbridge.http.Backoff;
import io.shipbridge.http.HttpSender;
import io.shipbridge.http.RetryAfter;
import io.shipbridge.http.Sleeper;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.operations.OperationStatus;
import io.shipbridge.operations.OperationsLog;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Sends one carrier call and says whether the carrier answered. No answer (network error, timeout), a 429 or a 5xx
 * page means the carrier is unavailable: a call that is safe to repeat (a read, a login) is tried up to three times,
 * waiting what {@code Retry-After} asks or 1 then 2 seconds; a call that is not (creating a shipment) is tried once,
 * since its answer may be lost after the work was done. Either way the failure ends as a
 * {@link CarrierUnavailableException}, which the state machine retries. Every attempt is a row in the operations log.
 */
public final class CarrierHttp {
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofSeconds(10);

    private final String carrier;
    private final HttpSender http;
    private final OperationsLog operations;
    private final Sleeper sleeper;
    private final Clock clock;

    public CarrierHttp(String carrier, HttpSender http, OperationsLog operations, Sleeper sleeper, Clock clock) {
        this.carrier = carrier;
        this.http = http;
        this.operations = operations;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /**
     * One call.
     *
     * @param action     what it does, as the operations log names it ({@code create_shipment}, {@code track}...)
     * @param orderId    the order it is for, when it is for one
     * @param repeatable whether sending it twice does no harm
     */
    public record Call(String action, String orderId, HttpRequest request, boolean repeatable) {
    }

    /** What the carrier answered: its bytes as they came (a label's PDF), {@link #body()} as UTF-8 text. */
    public record Answer(int status, byte[] content, HttpHeaders headers) {

        public String body() {
            return new String(content, StandardCharsets.UTF_8);
        }

        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }
    }

    /** Sends the call; any status below 500 but 429 is an answer. */
    public Answer send(Call call) {
        return send(call, answer -> answer.status() < 500 && answer.status() != 429);
    }

    /**
     * Sends the call.
     *
     * @param isAnswer which responses are the carrier's answer (TIPSA's SOAP faults come with a 500, for instance);
     *                 any other is unavailability
     */
    public Answer send(Call call, Predicate<Answer> isAnswer) {
        int attempts = call.repeatable() ? Backoff.MAX_ATTEMPTS : 1;
        for (int attempt = 1; ; attempt++) {
            long started = System.nanoTime();
            String failure;
            Duration wait = Backoff.afterAttempt(attempt);
            int status = 0;
            try {
                HttpResponse<byte[]> response = http.send(call.request(), HttpResponse.BodyHandlers.ofByteArray());
                Answer answer = new Answer(response.statusCode(), response.body(), response.headers());
                status = answer.status();
                if (isAnswer.test(answer)) {
                    log(call, answer.isSuccess() ? OperationStatus.OK : OperationStatus.ERROR,
                            call.action() + " -> " + status, attempt, status, started);
                    return answer;
                }
                failure = call.action() + " answered HTTP " + status;
                if (status == 429) {
                    wait = RetryAfter.parse(answer.headers().firstValue("Retry-After").orElse(null), clock.instant())
                            .orElse(wait);
                }
            } catch (IOException e) {
                failure = call.action() + " got no answer: " + e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CarrierUnavailableException(carrier, call.action() + " interrupted", e);
            }
            boolean again = attempt < attempts && wait.compareTo(LONGEST_RETRY_AFTER) <= 0;
            log(call, again ? OperationStatus.RETRY : OperationStatus.ERROR, failure, attempt, status, started);
            if (!again) {
                throw new CarrierUnavailableException(carrier, failure
                        + (attempt > 1 ? " (" + attempt + " attempts)" : ""), null);
            }
            pause(call, wait);
        }
    }

    private void pause(Call call, Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CarrierUnavailableException(carrier, call.action() + " interrupted", e);
        }
    }

    private void log(Call call, OperationStatus status, String message, int attempt, int httpStatus, long started) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("attempt", attempt);
        meta.put("http_status", httpStatus);
        meta.put("duration_ms", (System.nanoTime() - started) / 1_000_000);
        operations.record(new OperationRecord(Instant.now(clock), "carrier", call.action(), call.orderId(), carrier,
                status, message, meta));
    }
}
