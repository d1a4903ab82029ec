package io.shipbridge.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.shipbridge.config.Json;
import java.util.List;

/** Mirakl's seller API as WireMock plays it: OR11 pages, OR21, OR23, OR24 and SH21. */
public final class MiraklStub {
    public static final String API_KEY = "5f8c1e2a-test-mirakl-key";

    private final WireMockServer server;

    MiraklStub(WireMockServer server) {
        this.server = server;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public WireMockServer server() {
        return server;
    }

    public void reset() {
        server.resetAll();
        server.stubFor(put(urlPathMatching("/api/orders/[^/]+/(accept|tracking|ship)"))
                .willReturn(aResponse().withStatus(204)));
        server.stubFor(get(urlPathEqualTo("/api/shipping/carriers")).willReturn(json("{\"carriers\":[]}")));
        server.stubFor(get(urlPathEqualTo("/api/orders")).atPriority(10)
                .willReturn(json("{\"orders\":[],\"total_count\":0}")));
    }

    /** OR11 (without order_ids) returns these orders, by pages of 100 as {@code offset} asks. */
    public void listing(List<? extends JsonNode> orders) {
        for (int offset = 0; offset < Math.max(1, orders.size()); offset += 100) {
            ObjectNode page = Json.MAPPER.createObjectNode();
            page.putArray("orders").addAll(orders.subList(offset, Math.min(orders.size(), offset + 100)));
            page.put("total_count", orders.size());
            server.stubFor(get(urlPathEqualTo("/api/orders")).atPriority(5)
                    .withQueryParam("order_ids", absent())
                    .withQueryParam("offset", equalTo(Integer.toString(offset)))
                    .willReturn(json(page.toString())));
        }
    }

    /** OR11 by order id returns this order. */
    public void order(JsonNode order) {
        ObjectNode page = Json.MAPPER.createObjectNode();
        page.putArray("orders").add(order);
        page.put("total_count", 1);
        server.stubFor(get(urlPathEqualTo("/api/orders")).atPriority(1)
                .withQueryParam("order_ids", equalTo(order.path("order_id").asText()))
                .willReturn(json(page.toString())));
    }

    public void carriers(String json) {
        server.stubFor(get(urlPathEqualTo("/api/shipping/carriers")).willReturn(json(json)));
    }

    public List<LoggedRequest> listCalls() {
        return server.findAll(getRequestedFor(urlPathEqualTo("/api/orders")));
    }

    public List<LoggedRequest> calls(String orderId, String operation) {
        return server.findAll(putRequestedFor(urlPathEqualTo("/api/orders/" + io.shipbridge.http.PathSegment.encode(orderId) + "/"
                + operation)));
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
