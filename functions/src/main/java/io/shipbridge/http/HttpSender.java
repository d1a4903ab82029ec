package io.shipbridge.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** What Shipbridge asks of HTTP to Mirakl and the carriers: send a request, read the answer (as UTF-8 text unless asked). */
@FunctionalInterface
public interface HttpSender {

    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException;

    default HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpSender of(HttpClient client) {
        return client::send;
    }
}
