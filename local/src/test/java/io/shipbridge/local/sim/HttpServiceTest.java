package io.shipbridge.local.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A simulator's server listens on loopback and names 127.0.0.1 unless bound elsewhere: on every interface, named as
 * containers reach the host (LocalStack's Lambda functions call the simulators so).
 */
class HttpServiceTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void byDefaultItListensOnLoopbackOnlyAndSaysSo() throws Exception {
        try (HttpService service = HttpService.start(0, HttpServiceTest::hello)) {
            int port = service.baseUrl().getPort();

            assertThat(service.baseUrl().getHost()).isEqualTo("127.0.0.1");
            assertThat(get(URI.create("http://127.0.0.1:" + port + "/"))).isEqualTo("hello");
            Optional<InetAddress> other = nonLoopbackAddress();
            Assumptions.assumeTrue(other.isPresent(), "this machine has no address but loopback");
            assertThatThrownBy(() -> get(URI.create("http://" + other.get().getHostAddress() + ":" + port + "/")))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void boundToEveryInterfaceItAnswersOnThemAndGivesOutTheHostNameItWasGiven() throws Exception {
        try (HttpService service = HttpService.start(Binding.everyInterfaceAs("host.docker.internal"), 0,
                HttpServiceTest::hello)) {
            int port = service.baseUrl().getPort();

            assertThat(service.baseUrl()).isEqualTo(URI.create("http://host.docker.internal:" + port));
            assertThat(get(URI.create("http://127.0.0.1:" + port + "/"))).isEqualTo("hello");
            Optional<InetAddress> other = nonLoopbackAddress();
            Assumptions.assumeTrue(other.isPresent(), "this machine has no address but loopback");
            assertThat(get(URI.create("http://" + other.get().getHostAddress() + ":" + port + "/")))
                    .isEqualTo("hello");
        }
    }

    @Test
    void aLostAnswerFailsTheCallAtOnceForEveryMethodAndIsNeverSentAgainByTheClient() throws Exception {
        java.util.concurrent.atomic.AtomicInteger handled = new java.util.concurrent.atomic.AtomicInteger();
        try (HttpService service = HttpService.start(0, exchange -> {
            handled.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            if (!exchange.getRequestURI().getPath().equals("/lost")) {
                hello(exchange);
                return;
            }
            int status = exchange.getRequestMethod().equals("PUT") ? 204 : 200;
            HttpService.loseAnswer(exchange, status, "application/json", new byte[0]);
        })) {
            URI lost = URI.create(service.baseUrl() + "/lost");
            for (String method : new String[] {"GET", "PUT", "POST"}) {
                HttpRequest request = HttpRequest.newBuilder(lost).timeout(Duration.ofSeconds(30))
                        .method(method, HttpRequest.BodyPublishers.ofString("{}")).build();
                long began = System.nanoTime();
                assertThatThrownBy(() -> HTTP.send(request, HttpResponse.BodyHandlers.ofString()))
                        .as(method).isInstanceOf(IOException.class);
                // Broken off, not timed out: far sooner than the request's 30 s.
                assertThat(Duration.ofNanos(System.nanoTime() - began)).as(method).isLessThan(Duration.ofSeconds(10));
            }
            assertThat(get(URI.create(service.baseUrl() + "/"))).as("the server goes on").isEqualTo("hello");
            // Three lost answers and the last call: none sent again behind the caller's back.
            assertThat(handled).hasValue(4);
        }
    }

    private static void hello(com.sun.net.httpserver.HttpExchange exchange) {
        HttpService.respond(exchange, 200, "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
    }

    private static String get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        return NetworkInterface.networkInterfaces().filter(nic -> {
            try {
                return nic.isUp() && !nic.isLoopback();
            } catch (IOException e) {
                return false;
            }
        }).flatMap(NetworkInterface::inetAddresses).filter(Inet4Address.class::isInstance).findFirst();
    }
}
