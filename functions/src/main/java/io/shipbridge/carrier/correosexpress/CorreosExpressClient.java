package io.shipbridge.carrier.correosexpress;

import io.shipbridge.carrier.CarrierHttp;
import io.shipbridge.carrier.CarrierRejectedException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Posts JSON to Correos Express's web services with HTTP Basic; 401 means the credentials are wrong. */
final class CorreosExpressClient {
    private final CorreosExpressSettings settings;
    private final CarrierHttp http;

    CorreosExpressClient(CorreosExpressSettings settings, CarrierHttp http) {
        this.settings = settings;
        this.http = http;
    }

    String post(String action, String orderId, String path, String body, boolean repeatable) {
        String credentials = settings.user() + ":" + settings.password().get();
        HttpRequest request = HttpRequest.newBuilder(settings.baseUrl().resolve(path))
                .timeout(settings.requestTimeout())
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        CarrierHttp.Answer answer = http.send(new CarrierHttp.Call(action, orderId, request, repeatable));
        if (answer.status() == 401 || answer.status() == 403) {
            throw new CarrierRejectedException(CorreosExpressModule.ID, action + " refused the credentials (HTTP "
                    + answer.status() + "): check CORREOSEXPRESS_USER and the carriers' secret", null);
        }
        return answer.body();
    }
}
