package io.shipbridge.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** What Shipbridge asks of HTTP to Mirakl and the carriers: send a request, read the answer as UTF-8 text. */
@FunctionalInterface
public interface HttpSender {

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException;

    static HttpSender of(HttpClient client) {
        return request -> client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
