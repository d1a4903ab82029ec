package io.shipbridge.local.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpServer;
import io.shipbridge.http.HttpSender;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MeteredHttpSenderTest {
    private static final NetworkWaits WAITS = new NetworkWaits(Map.of("mirakl", 0.2, "carrier", 0.3));

    private HttpServer mirakl;
    private HttpServer carrier;

    @BeforeEach
    void start() throws IOException {
        mirakl = answering();
        carrier = answering();
    }

    @AfterEach
    void stop() {
        mirakl.stop(0);
        carrier.stop(0);
    }

    @Test
    void eachRequestIsBilledAsItsWaitAtTheFunctionsMemory() throws Exception {
        UsageMeter meter = new UsageMeter();
        HttpSender sender = new MeteredHttpSender(HttpSender.of(HttpClient.newHttpClient()), meter, 512, WAITS,
                URI.create("http://127.0.0.1:" + mirakl.getAddress().getPort() + "/"));

        sender.send(get(mirakl, "/api/orders"));
        sender.send(get(mirakl, "/api/orders/1/accept"));
        sender.send(get(carrier, "/track"));

        // 0.5 GB x (0.2 s + 0.2 s + 0.3 s) = 0.35 GB-s
        assertThat(meter.snapshot().of(BillableUnit.LAMBDA_GB_SECONDS)).isCloseTo(0.35, within(1e-9));
    }

    @Test
    void aRequestThatFindsNoServerIsBilledToo() {
        UsageMeter meter = new UsageMeter();
        HttpSender sender = new MeteredHttpSender(HttpSender.of(HttpClient.newHttpClient()), meter, 1024, WAITS,
                URI.create("http://127.0.0.1:" + mirakl.getAddress().getPort() + "/"));
        carrier.stop(0);

        try {
            sender.send(get(carrier, "/track"));
        } catch (IOException | InterruptedException expected) {
            // Refused: the function waited for it all the same.
        }

        assertThat(meter.snapshot().of(BillableUnit.LAMBDA_GB_SECONDS)).isCloseTo(0.3, within(1e-9));
    }

    private static HttpServer answering() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static HttpRequest get(HttpServer server, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path)).build();
    }
}
