package io.shipbridge.carrier.seur;

import io.shipbridge.carrier.CarrierHttp;
import io.shipbridge.carrier.CarrierRejectedException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * SEUR's API over HTTP: an OAuth2 password-grant token, kept until a minute before it expires and renewed at once
 * when SEUR answers 401 or 403 (a token it revoked early); then one call with {@code Authorization: Bearer}.
 */
final class SeurClient {
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(60);

    private final SeurSettings settings;
    private final CarrierHttp http;
    private final Clock clock;
    private String token;
    private Instant renewAt;

    SeurClient(SeurSettings settings, CarrierHttp http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
    }

    /** One call to the API. {@code body} null for a GET; {@code query} null for none. */
    record Call(String action, String orderId, String method, String path, String query, String body,
            boolean repeatable) {
    }

    CarrierHttp.Answer send(Call call) {
        CarrierHttp.Answer answer = http.send(new CarrierHttp.Call(call.action(), call.orderId(),
                request(call, token()), call.repeatable()));
        if (answer.status() == 401 || answer.status() == 403) {
            forgetToken();
            answer = http.send(new CarrierHttp.Call(call.action(), call.orderId(), request(call, token()),
                    call.repeatable()));
        }
        if (answer.status() == 401 || answer.status() == 403) {
            throw new CarrierRejectedException(SeurModule.ID, call.action() + " refused the token (HTTP "
                    + answer.status() + ")", null);
        }
        return answer;
    }

    private HttpRequest request(Call call, String bearer) {
        String uri = settings.baseUrl() + call.path() + (call.query() == null ? "" : "?" + call.query());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(uri)).timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + bearer).header("Accept", "application/json");
        if (call.body() == null) {
            return builder.method(call.method(), HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", "application/json;charset=UTF-8")
                .method(call.method(), HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8))
                .build();
    }

    private synchronized String token() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(renewAt)) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(settings.baseUrl() + SeurRequests.TOKEN_PATH))
                    .timeout(settings.requestTimeout())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(SeurRequests.tokenForm(settings), StandardCharsets.UTF_8))
                    .build();
            SeurResponses.Token fresh = SeurResponses.token(http.send(new CarrierHttp.Call("get_token", null, request,
                    true)).body());
            token = fresh.accessToken();
            renewAt = now.plus(fresh.lifetime().minus(EXPIRY_MARGIN));
        }
        return token;
    }

    private synchronized void forgetToken() {
        token = null;
    }
}
