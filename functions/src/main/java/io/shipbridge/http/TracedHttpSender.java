package io.shipbridge.http;

import com.amazonaws.xray.AWSXRay;
import com.amazonaws.xray.entities.Subsegment;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Each request an X-Ray subsegment named by the host it goes to, as X-Ray's own HTTP instrumentation names them, so
 * a trace shows how long Mirakl or the carrier took and what it answered.
 */
public final class TracedHttpSender implements HttpSender {
    private final HttpSender delegate;

    public TracedHttpSender(HttpSender delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        Subsegment subsegment = AWSXRay.beginSubsegment(request.uri().getHost());
        try {
            subsegment.setNamespace("remote");
            subsegment.putHttp("request", Map.of("method", request.method(),
                    "url", request.uri().getScheme() + "://" + request.uri().getAuthority() + request.uri().getPath()));
            HttpResponse<T> response = delegate.send(request, body);
            subsegment.putHttp("response", Map.of("status", response.statusCode()));
            if (response.statusCode() == 429) {
                subsegment.setThrottle(true);
            } else if (response.statusCode() >= 500) {
                subsegment.setFault(true);
            } else if (response.statusCode() >= 400) {
                subsegment.setError(true);
            }
            return response;
        } catch (IOException | RuntimeException e) {
            subsegment.addException(e);
            throw e;
        } finally {
            AWSXRay.endSubsegment();
        }
    }
}
