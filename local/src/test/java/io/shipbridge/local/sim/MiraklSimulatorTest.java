package io.shipbridge.local.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import io.shipbridge.local.time.SimulatedTime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The marketplace's controls a story uses besides its script: a scripted refusal is lifted; a page fault scripted on
 * an order; what deploys against it.
 */
class MiraklSimulatorTest {
    private final SimulatedTime time = new SimulatedTime(Instant.parse("2026-11-20T08:00:00Z"), 1);
    private final MiraklSimulator mirakl = new MiraklSimulator(time, new SplittableRandom(1), "key-1",
            Duration.ofHours(1), List.of(), 0);

    @AfterEach
    void stop() {
        mirakl.close();
        time.close();
    }

    @Test
    void aRefusalScriptedForAnOrderEndsWhenLifted() throws Exception {
        ObjectNode order = Json.MAPPER.createObjectNode().put("order_id", "O-1");
        order.putArray("order_lines").addObject().put("order_line_id", "O-1-1");
        mirakl.addOrder(order, (ObjectNode) Json.MAPPER.readTree("{\"reject\": [\"OR21\"]}"));
        String accept = "{\"order_lines\": [{\"id\": \"O-1-1\", \"accepted\": true}]}";

        assertThat(put("/api/orders/O-1/accept", accept)).isEqualTo(400);
        mirakl.lift("O-1");

        assertThat(put("/api/orders/O-1/accept", accept)).isEqualTo(204);
        assertThat(mirakl.order("O-1").path("order_state").asText()).isEqualTo("WAITING_DEBIT_PAYMENT");
    }

    @Test
    void anOr11FaultScriptedForAnOrderFailsThePagesShowingItAsManyTimesAsScripted() throws Exception {
        mirakl.addOrder(Json.MAPPER.createObjectNode().put("order_id", "O-1"), null);
        mirakl.addOrder(Json.MAPPER.createObjectNode().put("order_id", "O-2"),
                (ObjectNode) Json.MAPPER.readTree("{\"faults\": {\"OR11\": [\"server_error\", \"server_error\"]}}"));

        // One order a page, listed in the order they were placed: the first page shows O-1, the second O-2.
        assertThat(get("/api/orders?max=1&offset=0")).isEqualTo(200);
        assertThat(get("/api/orders?max=1&offset=1")).isEqualTo(503);
        assertThat(get("/api/orders?max=1&offset=1")).isEqualTo(503);
        assertThat(get("/api/orders?max=1&offset=1")).as("the script used up").isEqualTo(200);
        assertThat(get("/api/orders?max=1&offset=0")).isEqualTo(200);
    }

    @Test
    void itGivesItsAddressAndKeyAsATemplateParameterAndASecret() {
        assertThat(mirakl.templateParameters()).containsEntry("MiraklBaseUrl", mirakl.baseUrl().toString())
                .containsEntry("MiraklShopId", "");
        assertThat(mirakl.secret().path("apiKey").asText()).isEqualTo("key-1");
    }

    private int get(String pathAndQuery) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(mirakl.baseUrl() + pathAndQuery))
                .header("Authorization", "key-1").GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int put(String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(mirakl.baseUrl() + path))
                .header("Authorization", "key-1").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
