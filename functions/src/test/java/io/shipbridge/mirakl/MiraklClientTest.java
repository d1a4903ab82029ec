package io.shipbridge.mirakl;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.operations.OperationStatus;
import io.shipbridge.order.Order;
import io.shipbridge.testing.MiraklOrders;
import io.shipbridge.testing.MiraklStub;
import io.shipbridge.testing.TestStack;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MiraklClientTest {
    @RegisterExtension
    static final TestStack STACK = new TestStack();

    private WireMockServer mirakl() {
        return STACK.mirakl().server();
    }

    @Test
    void sendsTheApiKeyRawInAuthorizationAndTheShopId() {
        STACK.with("MIRAKL_SHOP_ID", "2001");
        String id = TestStack.newOrderId();

        STACK.components().mirakl().acceptLines(id, List.of(id + "-1"));

        mirakl().verify(1, putRequestedFor(urlPathEqualTo("/api/orders/" + id + "/accept"))
                .withHeader("Authorization", equalTo(MiraklStub.API_KEY))
                .withQueryParam("shop_id", equalTo("2001"))
                .withRequestBody(equalToJson("{\"order_lines\":[{\"id\":\"" + id + "-1\",\"accepted\":true}]}")));
    }

    @Test
    void waitsWhatRetryAfterSaysOnA429ThenRetries() {
        String id = TestStack.newOrderId();
        stubSequence(id, aResponse().withStatus(429).withHeader("Retry-After", "7")
                .withBody("{\"message\":\"Too many requests\",\"status\":429}"), aResponse().withStatus(204));

        STACK.components().mirakl().acceptLines(id, List.of("1"));

        assertThat(STACK.sleeper().waits()).containsExactly(Duration.ofSeconds(7));
        assertThat(STACK.mirakl().calls(id, "accept")).hasSize(2);
        assertThat(rows(id)).extracting(OperationRecord::status)
                .containsExactly(OperationStatus.RETRY, OperationStatus.OK);
    }

    @Test
    void backsOffOneThenTwoSecondsOnServerErrors() {
        String id = TestStack.newOrderId();
        stubSequence(id, aResponse().withStatus(503), aResponse().withStatus(500), aResponse().withStatus(204));

        STACK.components().mirakl().acceptLines(id, List.of("1"));

        assertThat(STACK.sleeper().waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(STACK.mirakl().calls(id, "accept")).hasSize(3);
        assertThat(rows(id)).extracting(OperationRecord::status)
                .containsExactly(OperationStatus.RETRY, OperationStatus.RETRY, OperationStatus.OK);
        assertThat(rows(id).get(0).meta()).containsEntry("http_status", 503).containsEntry("attempt", 1);
    }

    @Test
    void givesUpAfterThreeAttemptsWithATransientError() {
        String id = TestStack.newOrderId();
        mirakl().stubFor(put(urlPathEqualTo("/api/orders/" + id + "/accept")).atPriority(1)
                .willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));

        assertThatThrownBy(() -> STACK.components().mirakl().acceptLines(id, List.of("1")))
                .isInstanceOf(MiraklUnavailableException.class)
                .hasMessageContaining("after 3 attempts").hasMessageContaining("Bad Gateway");
        assertThat(STACK.mirakl().calls(id, "accept")).hasSize(3);
        assertThat(rows(id)).extracting(OperationRecord::status)
                .containsExactly(OperationStatus.RETRY, OperationStatus.RETRY, OperationStatus.ERROR);
    }

    @Test
    void retriesNetworkErrors() {
        String id = TestStack.newOrderId();
        stubSequence(id, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), aResponse().withStatus(204));

        STACK.components().mirakl().acceptLines(id, List.of("1"));

        assertThat(STACK.mirakl().calls(id, "accept")).hasSize(2);
        assertThat(STACK.sleeper().waits()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void doesNotRetryARefusedApiKey() {
        String id = TestStack.newOrderId();
        mirakl().stubFor(put(urlPathEqualTo("/api/orders/" + id + "/accept")).atPriority(1)
                .willReturn(aResponse().withStatus(401).withBody("{\"message\":\"Unauthorized\",\"status\":401}")));

        assertThatThrownBy(() -> STACK.components().mirakl().acceptLines(id, List.of("1")))
                .isInstanceOf(MiraklAuthenticationException.class).hasMessageContaining("Unauthorized");
        assertThat(STACK.mirakl().calls(id, "accept")).hasSize(1);
        assertThat(STACK.sleeper().waits()).isEmpty();
        assertThat(rows(id)).singleElement().extracting(OperationRecord::status).isEqualTo(OperationStatus.ERROR);
    }

    @Test
    void typesBadRequestsForbiddenAndNotFoundWithoutRetrying() {
        String bad = TestStack.newOrderId();
        String forbidden = TestStack.newOrderId();
        String missing = TestStack.newOrderId();
        mirakl().stubFor(put(urlPathEqualTo("/api/orders/" + bad + "/ship")).atPriority(1).willReturn(aResponse()
                .withStatus(400).withBody("{\"message\":\"Order is not in SHIPPING state\",\"status\":400}")));
        mirakl().stubFor(put(urlPathEqualTo("/api/orders/" + forbidden + "/ship")).atPriority(1)
                .willReturn(aResponse().withStatus(403)));
        mirakl().stubFor(put(urlPathEqualTo("/api/orders/" + missing + "/ship")).atPriority(1)
                .willReturn(aResponse().withStatus(404)));
        MiraklClient client = STACK.components().mirakl();

        assertThatThrownBy(() -> client.confirmShipment(bad)).isInstanceOf(MiraklRejectedException.class)
                .hasMessageContaining("Order is not in SHIPPING state");
        assertThatThrownBy(() -> client.confirmShipment(forbidden)).isInstanceOf(MiraklAuthenticationException.class);
        assertThatThrownBy(() -> client.confirmShipment(missing)).isInstanceOf(MiraklNotFoundException.class);
        assertThat(STACK.sleeper().waits()).isEmpty();
    }

    @Test
    void givesARateLimitBackToTheWorkflowWhenMiraklAsksForALongWait() {
        String id = TestStack.newOrderId();
        mirakl().stubFor(put(urlPathEqualTo("/api/orders/" + id + "/ship")).atPriority(1)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "600")));

        assertThatThrownBy(() -> STACK.components().mirakl().confirmShipment(id))
                .isInstanceOf(MiraklRateLimitedException.class)
                .satisfies(e -> assertThat(((MiraklRateLimitedException) e).retryAfter())
                        .isEqualTo(Duration.ofSeconds(600)));
        assertThat(STACK.mirakl().calls(id, "ship")).hasSize(1);
    }

    @Test
    void toleratesUnknownFieldsNewStatesAndAlpha3Countries() {
        String id = TestStack.newOrderId();
        var order = MiraklOrders.shipping(MiraklOrders.waitingAcceptance(id, TestStack.START, "SKU-1", 2),
                TestStack.START.plusSeconds(60), "ESP", "28014");
        order.put("order_state", "A_STATE_MIRAKL_ADDED_LATER");
        order.put("some_field_added_later", "value");
        order.putObject("fulfillment").put("center", "X");
        STACK.mirakl().order(order);

        MiraklOrder read = STACK.components().mirakl().getOrder(id).orElseThrow();
        Order mapped = MiraklOrderMapper.toOrder(read);

        assertThat(read.orderState()).isEqualTo("A_STATE_MIRAKL_ADDED_LATER");
        assertThat(mapped.shippingAddress().countryCode()).isEqualTo("ES");
        assertThat(mapped.lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(2));
    }

    @Test
    void keepsTheReadableOrdersOfAPageWithAnUnreadableOne() {
        String good = TestStack.newOrderId();
        var broken = MiraklOrders.waitingAcceptance(TestStack.newOrderId(), TestStack.START, "SKU-1", 1);
        broken.put("last_updated_date", "yesterday-ish");
        STACK.mirakl().listing(List.of(MiraklOrders.waitingAcceptance(good, TestStack.START, "SKU-1", 1), broken));

        MiraklClient.Page page = STACK.components().mirakl().listOrders(
                OrderQuery.updatedSince(TestStack.START, MiraklOrderStates.FETCHED), 0, 100);

        assertThat(page.orders()).extracting(MiraklOrder::orderId).containsExactly(good);
        assertThat(page.unreadable()).singleElement().satisfies(unreadable -> {
            assertThat(unreadable.orderId()).isEqualTo(broken.path("order_id").asText());
            assertThat(unreadable.reasons()).containsExactly("last_updated_date has the wrong type or format");
        });
        assertThat(page.size()).isEqualTo(2);
    }

    @Test
    void sendsTrackingByCarrierCodeOrByNameAndUrl() {
        String registered = TestStack.newOrderId();
        String unregistered = TestStack.newOrderId();
        MiraklClient client = STACK.components().mirakl();

        client.updateTracking(registered, MiraklTracking.registered("TIPSA", "0128346565"));
        client.updateTracking(unregistered, MiraklTracking.unregistered("TIPSA", "https://t.example/0128", "0128"));

        mirakl().verify(putRequestedFor(urlPathEqualTo("/api/orders/" + registered + "/tracking"))
                .withRequestBody(equalToJson("{\"carrier_code\":\"TIPSA\",\"tracking_number\":\"0128346565\"}")));
        mirakl().verify(putRequestedFor(urlPathEqualTo("/api/orders/" + unregistered + "/tracking"))
                .withRequestBody(equalToJson("{\"carrier_name\":\"TIPSA\",\"carrier_url\":\"https://t.example/0128\","
                        + "\"tracking_number\":\"0128\"}")));
    }

    @Test
    void readsTheMarketplacesCarriers() {
        STACK.mirakl().carriers("{\"carriers\":[{\"code\":\"TIPSA-ES\",\"label\":\"Tipsa\",\"standard_code\":null,"
                + "\"tracking_url\":\"https://tipsa.example/{trackingId}\",\"sort_index\":3}]}");

        assertThat(STACK.components().mirakl().carriers()).singleElement()
                .satisfies(c -> assertThat(c.code()).isEqualTo("TIPSA-ES"));
        mirakl().verify(1, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/api/shipping/carriers")));
    }

    private void stubSequence(String id, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... answers) {
        String state = STARTED;
        for (int i = 0; i < answers.length; i++) {
            String next = "attempt-" + (i + 2);
            mirakl().stubFor(put(urlPathEqualTo("/api/orders/" + id + "/accept")).atPriority(1)
                    .inScenario(id).whenScenarioStateIs(state).willSetStateTo(next).willReturn(answers[i]));
            state = next;
        }
    }

    private List<OperationRecord> rows(String orderId) {
        return STACK.components().operations().forOrder(orderId);
    }
}
