package io.shipbridge.fulfilment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.app.Components;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.StatusChange;
import io.shipbridge.testing.MiraklOrders;
import io.shipbridge.testing.TestStack;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What becomes of an order not taken in over later fetches: corrected, refused late, or an update of a known one. */
class NotTakenInTest {
    @RegisterExtension
    static final TestStack STACK = new TestStack();

    @Test
    void aHeldOrderCorrectedOnMiraklIsTakenInAndStartedOnce() {
        String id = TestStack.newOrderId();
        ObjectNode malformed = MiraklOrders.waitingAcceptance(id, TestStack.START, "SKU-1", 0);
        STACK.mirakl().listing(List.of(malformed));
        Components components = STACK.components();
        fetch(components);
        assertThat(components.orders().get(id).state()).isEqualTo(OrderState.NOT_TAKEN_IN);

        ObjectNode corrected = MiraklOrders.waitingAcceptance(id, TestStack.START.plusSeconds(300), "SKU-1", 1);
        STACK.mirakl().listing(List.of(corrected));
        FetchOrders.Summary taken = fetch(components);
        FetchOrders.Summary again = fetch(components);

        assertThat(taken.outcomes()).containsExactlyEntriesOf(java.util.Map.of(OrderIntake.Outcome.CREATED, 1));
        assertThat(again.outcomes()).containsExactlyEntriesOf(java.util.Map.of(OrderIntake.Outcome.UNCHANGED, 1));
        assertThat(components.orders().get(id).state()).isEqualTo(OrderState.PENDING_ACCEPTANCE);
        assertThat(components.orders().get(id).failureReason()).isNull();
        assertThat(components.orders().get(id).order().lines()).singleElement()
                .satisfies(line -> assertThat(line.quantity()).isEqualTo(1));
        assertThat(components.orders().history(id)).extracting(StatusChange::to)
                .containsExactly(OrderState.NOT_TAKEN_IN, OrderState.PENDING_ACCEPTANCE);
        assertThat(STACK.stepFunctions().startedExecutionNames()).containsExactly(id);
    }

    @Test
    void aRefusalMiraklCouldNotTakeIsSentByTheNextFetchAndThenNeverAgain() {
        String id = TestStack.newOrderId();
        STACK.mirakl().listing(List.of(MiraklOrders.waitingAcceptance(id, TestStack.START, "SKU-1", 0)));
        STACK.mirakl().server().stubFor(put(urlPathMatching("/api/orders/[^/]+/accept")).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        Components components = STACK.with("MALFORMED_ORDER_ACTION", "refuse").components();

        fetch(components);

        assertThat(components.orders().get(id).state()).as("held while Mirakl is down")
                .isEqualTo(OrderState.NOT_TAKEN_IN);
        int failedAttempts = STACK.mirakl().calls(id, "accept").size();
        assertThat(failedAttempts).isPositive();

        STACK.mirakl().server().resetToDefaultMappings();
        STACK.mirakl().reset();
        STACK.mirakl().listing(List.of(MiraklOrders.waitingAcceptance(id, TestStack.START, "SKU-1", 0)));
        STACK.clock().advance(Duration.ofMinutes(5));
        fetch(components);
        fetch(components);

        assertThat(STACK.mirakl().calls(id, "accept")).as("one refusal after the outage, none after it").hasSize(1);
        assertThat(components.orders().history(id)).extracting(StatusChange::to)
                .containsExactly(OrderState.NOT_TAKEN_IN, OrderState.CANCELLED);
    }

    @Test
    void anUpdateOfAnOrderTakenInThatCannotBeReadLeavesItWhereItIsOnceLoggedAndCounted() {
        String id = TestStack.newOrderId();
        ObjectNode waiting = MiraklOrders.waitingAcceptance(id, TestStack.START, "SKU-1", 1);
        STACK.mirakl().listing(List.of(waiting));
        Components components = STACK.components();
        fetch(components);
        ObjectNode shipping = MiraklOrders.shipping(waiting, TestStack.START.plusSeconds(600), "ES", "28014");
        ((ObjectNode) shipping.path("customer").path("shipping_address")).put("street_1", "S".repeat(300));
        STACK.mirakl().listing(List.of(shipping));

        FetchOrders.Summary first = fetch(components);
        FetchOrders.Summary second = fetch(components);

        assertThat(first.outcomes()).containsExactlyEntriesOf(java.util.Map.of(OrderIntake.Outcome.NOT_TAKEN_IN, 1));
        assertThat(second.outcomes()).containsExactlyEntriesOf(java.util.Map.of(OrderIntake.Outcome.UNCHANGED, 1));
        assertThat(components.orders().get(id).state()).isEqualTo(OrderState.PENDING_ACCEPTANCE);
        assertThat(components.orders().get(id).order().shippingAddress()).as("the order as last taken in").isNull();
        assertThat(components.operations().forOrder(id)).filteredOn(r -> r.action().equals("fetch_order"))
                .extracting(OperationRecord::message).filteredOn(m -> m.startsWith("Update not taken in"))
                .singleElement().asString()
                .contains("shipping_address.street_1 is longer than 255 characters", "the order stays")
                .doesNotContain("SSSS");
    }

    private static FetchOrders.Summary fetch(Components components) {
        return components.fetchOrders().run(new FetchOrders.Request("manual", TestStack.START.minusSeconds(3600)));
    }
}
