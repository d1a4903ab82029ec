package io.shipbridge.carrier.canadapost;

import io.shipbridge.carrier.CarrierHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Canada Post's web services over HTTP: HTTP Basic with the API key, the versioned media type of each resource in
 * {@code Accept} (and {@code Content-Type} for a body), and the language of its messages. Its throttle answers
 * "Rejected by SLM Monitor" whatever the status: that is unavailability, retried, never a refusal.
 */
final class CanadaPostClient {
    private final CanadaPostSettings settings;
    private final CarrierHttp http;

    CanadaPostClient(CanadaPostSettings settings, CarrierHttp http) {
        this.settings = settings;
        this.http = http;
    }

    /**
     * One call.
     *
     * @param target a path below the base URL, or a link Canada Post gave (absolute)
     * @param body   the request document, null for none
     */
    record Call(String action, String orderId, String method, String target, String mediaType, String body,
            boolean repeatable) {

        static Call get(String action, String orderId, String target, String mediaType) {
            return new Call(action, orderId, "GET", target, mediaType, null, true);
        }
    }

    CarrierHttp.Answer send(Call call) {
        URI uri = call.target().startsWith("http") ? URI.create(call.target())
                : URI.create(settings.baseUrl() + call.target());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((settings.username() + ":"
                        + settings.password().get()).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", call.mediaType())
                .header("Accept-language", settings.language());
        if (call.body() == null) {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", call.mediaType())
                    .method(call.method(), HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
        }
        return http.send(new CarrierHttp.Call(call.action(), call.orderId(), request.build(), call.repeatable()),
                answer -> answer.status() < 500 && answer.status() != 429
                        && !answer.body().contains("Rejected by SLM Monitor"));
    }
}
