package io.shipbridge.fulfilment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.app.Components;
import io.shipbridge.mirakl.MiraklAuthenticationException;
import io.shipbridge.order.OrderCancelledException;
import io.shipbridge.order.OrderState;
import io.shipbridge.testing.MiraklOrders;
import io.shipbridge.testing.TestStack;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OrderAcceptanceTest {
    @RegisterExtension
    static final TestStack STACK = new TestStack();

    @Test
    void acceptsEveryLineOnceEvenWhenAskedTwice() {
        Components components = STACK.components();
        ObjectNode order = fetched(components);
        String id = order.path("order_id").asText();

        components.orderAcceptance().accept(id);
        components.orderAcceptance().accept(id);

        assertThat(STACK.mirakl().calls(id, "accept")).singleElement().satisfies(call ->
                assertThat(call.getBodyAsString()).contains("\"id\":\"" + id + "-1\"").contains("\"accepted\":true"));
        assertThat(components.orders().get(id).state()).isEqualTo(OrderState.ACCEPTED);
        assertThat(components.orders().history(id)).hasSize(2);
    }

    @Test
    void aRefusalForAnOrderMiraklAlreadyAcceptedIsOurLostAnswer() {
        Components components = STACK.components();
        ObjectNode order = fetched(components);
        String id = order.path("order_id").asText();
        refuseAcceptance(id);
        STACK.mirakl().order(MiraklOrders.inState(order, "WAITING_DEBIT_PAYMENT", TestStack.START.plusSeconds(30)));

        components.orderAcceptance().accept(id);

        assertThat(components.orders().get(id).state()).isEqualTo(OrderState.ACCEPTED);
        assertThat(STACK.mirakl().calls(id, "accept")).hasSize(1);
    }

    @Test
    void anOrderCancelledBeforeAcceptanceEndsCancelled() {
        Components components = STACK.components();
        ObjectNode order = fetched(components);
        String id = order.path("order_id").asText();
        refuseAcceptance(id);
        STACK.mirakl().order(MiraklOrders.inState(order, "CANCELED", TestStack.START.plusSeconds(30)));

        assertThatThrownBy(() -> components.orderAcceptance().accept(id))
                .isInstanceOf(OrderCancelledException.class);
        assertThat(components.orders().get(id).state()).isEqualTo(OrderState.CANCELLED);
    }

    @Test
    void aRefusedApiKeyFailsTheAcceptanceWithoutChangingTheOrder() {
        Components components = STACK.components();
        String id = fetched(components).path("order_id").asText();
        STACK.mirakl().server().stubFor(put(urlPathEqualTo("/api/orders/" + id + "/accept")).atPriority(1)
                .willReturn(aResponse().withStatus(401)));

        assertThatThrownBy(() -> components.orderAcceptance().accept(id))
                .isInstanceOf(MiraklAuthenticationException.class);
        assertThat(components.orders().get(id).state()).isEqualTo(OrderState.PENDING_ACCEPTANCE);
        assertThat(components.orders().history(id)).hasSize(1);
    }

    private static void refuseAcceptance(String id) {
        STACK.mirakl().server().stubFor(put(urlPathEqualTo("/api/orders/" + id + "/accept")).atPriority(1)
                .willReturn(aResponse().withStatus(400).withBody("{\"message\":\"Order is not in WAITING_ACCEPTANCE"
                        + " state\",\"status\":400}")));
    }

    private static ObjectNode fetched(Components components) {
        ObjectNode order = MiraklOrders.waitingAcceptance(TestStack.newOrderId(), TestStack.START, "SKU-1", 1);
        STACK.mirakl().listing(List.of(order));
        components.fetchOrders().run(new FetchOrders.Request("manual", TestStack.START.minusSeconds(60)));
        return order;
    }
}
