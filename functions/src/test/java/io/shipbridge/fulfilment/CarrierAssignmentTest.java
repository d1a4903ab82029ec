package io.shipbridge.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.shipbridge.app.Components;
import io.shipbridge.config.Json;
import io.shipbridge.mirakl.MiraklOrder;
import io.shipbridge.mirakl.MiraklOrderMapper;
import io.shipbridge.order.CarrierChoice;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.order.StatusChange;
import io.shipbridge.order.TransitionRequest;
import io.shipbridge.selection.NoCarrierAvailableException;
import io.shipbridge.storage.OrderStore;
import io.shipbridge.testing.MiraklOrders;
import io.shipbridge.testing.OrderScenarios;
import io.shipbridge.testing.TestStack;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CarrierAssignmentTest {
    @RegisterExtension
    static final TestStack STACK = new TestStack();

    @Test
    void recordsTheCarrierTheRuleTheWeightAndUnknownSkus() {
        Components components = STACK.components();
        components.skuCatalog().put("KETTLE-2L", new BigDecimal("1.4"));
        String id = OrderScenarios.pendingPost(components, "KETTLE-2L", 2, "ES", "28014");

        CarrierChoice choice = components.carrierAssignment().assign(id);

        assertThat(choice.carrier()).isEqualTo("tipsa");
        assertThat(choice.rule()).isEqualTo("1-to-5kg-tipsa");
        assertThat(choice.weightKg()).isEqualByComparingTo("2.8");
        assertThat(choice.unknownSkus()).isEmpty();
        assertThat(components.orders().get(id).carrierChoice()).isEqualTo(choice);
    }

    @Test
    void weighsAnUnknownSkuAtTheDefaultWeightAndFlagsIt() {
        Components components = STACK.with("DEFAULT_SKU_WEIGHT_KG", "2.0").components();
        String id = OrderScenarios.pendingPost(components, "NOT-IN-CATALOG", 1, "ES", "28014");

        CarrierChoice choice = components.carrierAssignment().assign(id);

        assertThat(choice.weightKg()).isEqualByComparingTo("2.0");
        assertThat(choice.unknownSkus()).containsExactly("NOT-IN-CATALOG");
    }

    @Test
    void aRuleSetStoredByTheSellerReplacesTheDefaults() {
        Components components = STACK.components();
        components.settings().put("CARRIER_RULES", """
                {"rules": [{"name": "all-with-tipsa", "carrier": "tipsa"}]}""");
        String id = OrderScenarios.pendingPost(components, "FEATHER", 1, "FR", "75001");

        assertThat(components.carrierAssignment().assign(id).rule()).isEqualTo("all-with-tipsa");
    }

    @AfterEach
    void backToTheDefaultRules() {
        STACK.components().settings().remove("CARRIER_RULES");
    }

    @Test
    void anUnplaceableOrderFailsWithTheReasonInItsHistoryAndOthersGoOn() {
        Components fresh = STACK.components();
        fresh.skuCatalog().put("PIN", new BigDecimal("0.01"));
        String unplaceable = OrderScenarios.pendingPost(fresh, "PIN", 1, "ES", "28014");
        String placeable = OrderScenarios.pendingPost(fresh, "BOOK-SET", 3, "ES", "28014");

        Throwable refused = catchThrowable(() -> fresh.carrierAssignment().assign(unplaceable));
        assertThat(refused).isInstanceOf(NoCarrierAvailableException.class)
                .hasMessageContaining("under-1kg-ontime: matched, but carrier ontime is not available");
        // The state machine catches the error and records it on the order, its cause as Lambda's runtime writes it:
        fresh.failureRecording().record(unplaceable, OrderState.FAILED_POST, refused.getClass().getName(),
                Json.write(Map.of("errorMessage", refused.getMessage(), "errorType", refused.getClass().getName())));

        OrderView failed = fresh.orders().get(unplaceable);
        assertThat(failed.state()).isEqualTo(OrderState.FAILED_POST);
        assertThat(failed.failureReason()).startsWith("NoCarrierAvailableException: ")
                .contains("under-1kg-ontime: matched, but carrier ontime is not available");
        List<StatusChange> history = fresh.orders().history(unplaceable);
        StatusChange last = history.get(history.size() - 1);
        assertThat(last.to()).isEqualTo(OrderState.FAILED_POST);
        assertThat(last.reason()).contains("under-1kg-ontime: matched, but carrier ontime is not available");
        assertThat(fresh.carrierAssignment().assign(placeable).carrier()).isEqualTo("tipsa");
    }

    @Test
    void anOrderWithoutShippingAddressCannotBePlaced() {
        Components components = STACK.components();
        String id = TestStack.newOrderId();
        OrderStore orders = components.orders();
        orders.create(MiraklOrderMapper.toOrder(Json.MAPPER.convertValue(
                MiraklOrders.waitingAcceptance(id, TestStack.START, "X", 1), MiraklOrder.class)),
                "WAITING_ACCEPTANCE", TestStack.START, "mirakl", "fetched");
        orders.transition(orders.get(id), TransitionRequest.to(OrderState.ACCEPTED, "t", "t"));
        orders.transition(orders.get(id), TransitionRequest.to(OrderState.PENDING_POST, "t", "t"));

        assertThatThrownBy(() -> components.carrierAssignment().assign(id))
                .isInstanceOf(NoCarrierAvailableException.class).hasMessageContaining("no shipping address");
    }
}
