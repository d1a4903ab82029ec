package io.shipbridge.local.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * An HTTP server for a simulator (the JDK's own server, one virtual thread per request), on loopback unless its
 * {@link Binding} says otherwise.
 */
public final class HttpService implements AutoCloseable {
    private final HttpServer server;
    private final String advertisedHost;

    private HttpService(HttpServer server, String advertisedHost) {
        this.server = server;
        this.advertisedHost = advertisedHost;
    }

    public static HttpService start(int port, HttpHandler handler) {
        return start(Binding.LOOPBACK, port, handler);
    }

    public static HttpService start(Binding binding, int port, HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(binding.listenAddress(), port), 0);
            server.createContext("/", exchange -> {
                try {
                    handler.handle(exchange);
                } catch (AnswerLost lost) {
                    throw lost;
                } catch (IOException | RuntimeException e) {
                    respond(exchange, 500, "text/plain", ("Simulator failure: " + e).getBytes(StandardCharsets.UTF_8));
                }
                exchange.close();
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return new HttpService(server, binding.advertisedHost());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot listen on port " + port, e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://" + advertisedHost + ":" + server.getAddress().getPort());
    }

    /**
     * Loses an answer on the way: its status line and headers go out, announcing a body that never follows, and the
     * connection drops. The client fails at once with an incomplete answer, never on a timer (so the outcome does not
     * depend on how busy the machine is), and does not send the request again on its own, as it may for a GET whose
     * connection closed before any byte came back.
     */
    public static void loseAnswer(HttpExchange exchange, int status, String contentType, byte[] body) {
        try {
            if (contentType != null) {
                exchange.getResponseHeaders().set("Content-Type", contentType);
            }
            // A status that carries no body (204) would make the answer complete: the client never sees it anyway.
            boolean bodiless = status == 204 || status == 304 || status < 200;
            exchange.sendResponseHeaders(bodiless ? 200 : status, Math.max(1, body.length));
            exchange.getResponseBody().flush();
        } catch (IOException clientGone) {
            // Gone already: lost all the same.
        }
        throw new AnswerLost();
    }

    /** Thrown out of a handler to make the server drop the connection (see {@link #loseAnswer}). */
    public static final class AnswerLost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AnswerLost() {
            super("answer lost on the way", null, false, false);
        }
    }

    public static void respond(HttpExchange exchange, int status, String contentType, byte[] body) {
        try {
            if (contentType != null) {
                exchange.getResponseHeaders().set("Content-Type", contentType);
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException clientGone) {
            // The client stopped waiting (a timeout we injected): nothing to answer to.
        }
    }

    public static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
