package io.shipbridge.carrier.tipsa;

import io.shipbridge.carrier.CarrierHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * Posts SOAP envelopes to TIPSA and returns the answer. A SOAP Fault (HTTP 500 with a Fault body) is an answer, for
 * {@link TipsaResponses} to read; any other 5xx, a 429 or no answer is unavailability ({@link CarrierHttp}).
 */
final class TipsaSoapClient {
    private final TipsaSettings settings;
    private final CarrierHttp http;

    TipsaSoapClient(TipsaSettings settings, CarrierHttp http) {
        this.settings = settings;
        this.http = http;
    }

    /** @param repeatable whether the call may be sent again after no answer (everything but recording a shipment) */
    String call(String service, String action, String orderId, String envelope, boolean repeatable) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.baseUrl() + "?service=" + service))
                .timeout(settings.requestTimeout())
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "urn:" + service)
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
                .build();
        return http.send(new CarrierHttp.Call(action, orderId, request, repeatable),
                answer -> answer.status() == 200 || (answer.body() != null && answer.body().contains("Fault>")))
                .body();
    }
}
