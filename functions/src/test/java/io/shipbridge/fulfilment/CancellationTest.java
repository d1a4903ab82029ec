package io.shipbridge.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipbridge.app.Components;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.operations.OperationStatus;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.Shipment;
import io.shipbridge.order.StatusChange;
import io.shipbridge.order.TransitionRequest;
import io.shipbridge.testing.MiraklOrders;
import io.shipbridge.testing.OrderScenarios;
import io.shipbridge.testing.TestStack;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Mirakl cancels an order whose shipment exists: the carrier cancels it, or someone is told to void it by hand. */
class CancellationTest {
    @RegisterExtension
    static final TestStack STACK = new TestStack();

    @Test
    void aShipmentOfACancelledOrderIsCancelledAtTheCarrierOnce() {
        Components components = STACK.components();
        OrderScenarios.Shipped order = OrderScenarios.posted(components, STACK.tipsa());

        cancelOnMirakl(components, order.id());
        cancelOnMirakl(components, order.id());

        assertThat(components.orders().get(order.id()).state()).isEqualTo(OrderState.CANCELLED);
        assertThat(STACK.tipsa().bodies("WebServService___BorraEnvio")).singleElement().asString()
                .contains("<tem:strAlbaran>" + order.trackingNumber() + "</tem:strAlbaran>");
        assertThat(cancelled(components, order.id()).details()).containsEntry("carrierCancel", "requested")
                .containsEntry("shipment", "tipsa " + order.trackingNumber());
        assertThat(components.operations().forOrder(order.id())).extracting(OperationRecord::action)
                .doesNotContain(Cancellation.VOID_BY_HAND);
    }

    @Test
    void aShipmentTheCarrierRefusesToCancelIsRecordedAsOneToVoidByHand() {
        Components components = STACK.components();
        OrderScenarios.Shipped order = OrderScenarios.posted(components, STACK.tipsa());
        STACK.tipsa().cancelAnswers(2);

        cancelOnMirakl(components, order.id());

        assertThat(components.orders().get(order.id()).state()).isEqualTo(OrderState.CANCELLED);
        assertThat(components.operations().forOrder(order.id())).filteredOn(r -> r.action()
                .equals(Cancellation.VOID_BY_HAND)).singleElement().satisfies(row -> {
                    assertThat(row.status()).isEqualTo(OperationStatus.ERROR);
                    assertThat(row.carrier()).isEqualTo("tipsa");
                    assertThat(row.message()).contains("void shipment " + order.trackingNumber() + " by hand")
                            .contains("refused");
                });
    }

    @Test
    void aShipmentWithACarrierThatHasNoCancellationIsRecordedAsOneToVoidByHand() {
        Components components = STACK.with("CORREOSEXPRESS_BASE_URL", "https://www.test.cexpr.es/wsps/")
                .with("CORREOSEXPRESS_USER", "123450001_WS").with("CORREOSEXPRESS_REQUESTER", "I123450001")
                .with("CORREOSEXPRESS_CLIENT_CODE", "123450001").components();
        String id = OrderScenarios.pendingPost(components, "BOOK-SET", 2, "FR", "75011");
        components.orders().transition(components.orders().get(id), TransitionRequest.to(OrderState.POSTED, "test",
                "shipped").withShipment(new Shipment("correosexpress", "9330001000012345", null,
                        "labels/correosexpress/" + id + "/9330001000012345.pdf", "PDF", TestStack.START, null)));

        cancelOnMirakl(components, id);

        assertThat(components.orders().get(id).state()).isEqualTo(OrderState.CANCELLED);
        assertThat(cancelled(components, id).details()).containsEntry("carrierCancel", "none: void by hand");
        assertThat(components.operations().forOrder(id)).filteredOn(r -> r.action().equals(Cancellation.VOID_BY_HAND))
                .singleElement().satisfies(row -> assertThat(row.message())
                        .contains("void shipment 9330001000012345 by hand at correosexpress")
                        .contains("offers no cancellation"));
    }

    private static void cancelOnMirakl(Components components, String id) {
        STACK.mirakl().listing(List.of(MiraklOrders.inState(MiraklOrders.waitingAcceptance(id, TestStack.START,
                "BOOK-SET", 2), "CANCELED", TestStack.START.plusSeconds(3600))));
        components.fetchOrders().run(new FetchOrders.Request("schedule", null));
    }

    private static StatusChange cancelled(Components components, String id) {
        return components.orders().history(id).stream().filter(c -> c.to() == OrderState.CANCELLED).findFirst()
                .orElseThrow();
    }
}
