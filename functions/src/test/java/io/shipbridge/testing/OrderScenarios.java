package io.shipbridge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.app.Components;
import io.shipbridge.config.Json;
import io.shipbridge.mirakl.MiraklOrder;
import io.shipbridge.mirakl.MiraklOrderMapper;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.TransitionRequest;
import io.shipbridge.storage.OrderStore;
import io.shipbridge.workflow.WaitKind;
import java.math.BigDecimal;

/** Orders brought to a given point of their life by the application's own services, for tests to go on from. */
public final class OrderScenarios {
    private OrderScenarios() {
    }

    /** An order whose shipment exists at TIPSA. */
    public record Shipped(String id, String trackingNumber) {
    }

    /** An order in PENDING_POST with its shipping address, as the fetch leaves it. */
    public static String pendingPost(Components components, String sku, int quantity, String country,
            String postcode) {
        return pendingPost(components, TestStack.newOrderId(), sku, quantity, country, postcode);
    }

    public static String pendingPost(Components components, String id, String sku, int quantity, String country,
            String postcode) {
        ObjectNode shipping = MiraklOrders.shipping(MiraklOrders.waitingAcceptance(id, TestStack.START, sku, quantity),
                TestStack.START, country, postcode);
        OrderStore orders = components.orders();
        orders.create(MiraklOrderMapper.toOrder(Json.MAPPER.convertValue(shipping, MiraklOrder.class)), "SHIPPING",
                TestStack.START, "mirakl", "fetched");
        orders.transition(orders.get(id), TransitionRequest.to(OrderState.ACCEPTED, "test", "accepted"));
        orders.transition(orders.get(id), TransitionRequest.to(OrderState.PENDING_POST, "test", "debited"));
        return id;
    }

    /** An order of 2.4 kg to Madrid, its carrier (TIPSA) chosen. */
    public static String readyToShip(Components components) {
        components.skuCatalog().put("BOOK-SET", new BigDecimal("1.2"));
        String id = pendingPost(components, "BOOK-SET", 2, "ES", "28014");
        components.carrierAssignment().assign(id);
        return id;
    }

    /** An order POSTED at TIPSA; the TIPSA stub answers its shipment. */
    public static Shipped posted(Components components, TipsaStub tipsa) {
        String id = readyToShip(components);
        String trackingNumber = "9" + id.substring(1, 9);
        tipsa.shipmentFor(id, trackingNumber);
        components.shipmentCreation().create(id);
        return new Shipped(id, trackingNumber);
    }

    /** An order AWAITING_TRACKING, its execution waiting for the first scan with token {@code scan-<id>}. */
    public static Shipped awaitingFirstScan(Components components, TipsaStub tipsa) {
        Shipped order = posted(components, tipsa);
        components.waitRegistration().register(order.id(), WaitKind.FIRST_SCAN, "scan-" + order.id());
        assertThat(components.orders().get(order.id()).state()).isEqualTo(OrderState.AWAITING_TRACKING);
        return order;
    }
}
