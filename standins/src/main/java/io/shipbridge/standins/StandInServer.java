package io.shipbridge.standins;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The loopback HTTP server under each AWS API stand-in, and the error a stand-in answers as the service would. */
final class StandInServer {
    private StandInServer() {
    }

    static HttpServer start(String service, int threads, HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", handler);
            server.setExecutor(Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon()
                    .name(service + "-", 0).factory()));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the " + service + " stand-in", e);
        }
    }

    static void reply(com.sun.net.httpserver.HttpExchange exchange, int status, String contentType, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static void stop(HttpServer server) {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    /** An error of the service's API: its HTTP status and error type. */
    static final class ServiceError extends RuntimeException {
        final int status;
        final String type;

        ServiceError(int status, String type, String message) {
            super(message);
            this.status = status;
            this.type = type;
        }
    }
}
