package io.shipbridge.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.app.Components;
import io.shipbridge.carrier.CarrierRejectedException;
import io.shipbridge.carrier.CarrierUnavailableException;
import io.shipbridge.carrier.InvalidLabelException;
import io.shipbridge.config.Json;
import io.shipbridge.handler.CreateShipmentHandler;
import io.shipbridge.mirakl.MiraklOrder;
import io.shipbridge.mirakl.MiraklOrderMapper;
import io.shipbridge.order.OrderCancelledException;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.order.Shipment;
import io.shipbridge.order.StatusChange;
import io.shipbridge.order.TransitionRequest;
import io.shipbridge.standins.LambdaContext;
import io.shipbridge.testing.MiraklOrders;
import io.shipbridge.testing.OrderScenarios;
import io.shipbridge.testing.TestStack;
import io.shipbridge.testing.TipsaStub;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

class ShipmentCreationTest {
    @RegisterExtension
    static final TestStack STACK = new TestStack();

    @Test
    void createsTheShipmentStoresTheLabelAndPostsTheOrder() {
        Components components = STACK.components();
        String id = OrderScenarios.readyToShip(components);
        STACK.tipsa().shipmentFor(id, albaran(id, "65"));

        Shipment shipment = components.shipmentCreation().create(id).shipment();

        OrderView view = components.orders().get(id);
        assertThat(view.state()).isEqualTo(OrderState.POSTED);
        assertThat(view.shipment()).isEqualTo(shipment);
        assertThat(shipment.trackingNumber()).isEqualTo(albaran(id, "65"));
        assertThat(shipment.labelKey()).isEqualTo("labels/tipsa/" + id + "/" + albaran(id, "65") + ".pdf");
        assertThat(components.labels().get(shipment.labelKey())).isEqualTo(TipsaStub.LABEL_PDF);
        assertThat(components.shipments().orderOf("tipsa", albaran(id, "65"))).contains(id);
        URI link = components.labels().link(shipment.labelKey());
        assertThat(link.getQuery()).contains("X-Amz-Expires=900").contains("X-Amz-Signature=");
        assertThat(download(link)).isEqualTo(TipsaStub.LABEL_PDF);
        assertThat(components.shipments().inFlight("tipsa", 1000)).anySatisfy(s ->
                assertThat(s.orderId()).isEqualTo(id));
        StatusChange posted = last(components, id);
        assertThat(posted.from()).isEqualTo(OrderState.PENDING_POST);
        assertThat(posted.to()).isEqualTo(OrderState.POSTED);
        assertThat(posted.details()).containsEntry("trackingNumber", albaran(id, "65"))
                .containsEntry("rule", "1-to-5kg-tipsa").doesNotContainKey("adopted");
        assertThat(STACK.tipsa().calls("WebServService___ConsEnvEstadosRef")).isZero();
    }

    @Test
    void anAddressBeyondTheCarriersLimitsFailsBeforeTheCarrierIsAskedNamingFieldAndLimitNotTheData() {
        Components components = STACK.components();
        components.skuCatalog().put("BOOK-SET", new java.math.BigDecimal("1.2"));
        String id = TestStack.newOrderId();
        ObjectNode shipping = MiraklOrders.shipping(MiraklOrders.waitingAcceptance(id, TestStack.START, "BOOK-SET", 2),
                TestStack.START, "ES", "2801");
        ObjectNode address = (ObjectNode) shipping.path("customer").path("shipping_address");
        address.put("street_1", "Calle de Nuestra Señora de la Asunción y San Bartolomé Apóstol, número 42, portal B");
        address.put("phone", "+34 600 000 000 ext. 12");
        components.orders().create(MiraklOrderMapper.toOrder(Json.MAPPER.convertValue(shipping, MiraklOrder.class)),
                "SHIPPING", TestStack.START, "mirakl", "fetched");
        components.orders().transition(components.orders().get(id), TransitionRequest.to(OrderState.ACCEPTED, "test",
                "accepted"));
        components.orders().transition(components.orders().get(id), TransitionRequest.to(OrderState.PENDING_POST,
                "test", "debited"));
        components.carrierAssignment().assign(id);
        int calls = STACK.tipsa().calls("GrabaEnvio");
        int street = components.orders().get(id).order().shippingAddress().street().length();

        assertThatThrownBy(() -> components.shipmentCreation().create(id))
                .isInstanceOf(CarrierRejectedException.class)
                .hasMessage("tipsa: the address does not fit TIPSA's limits, not sent: the street is " + street
                        + " characters, at most 80; the postcode is not in the form of a ES postcode; the phone has characters"
                        + " other than digits, spaces and + ( ) . - /");

        assertThat(STACK.tipsa().calls("GrabaEnvio")).as("nothing asked of TIPSA").isEqualTo(calls);
        OrderView view = components.orders().get(id);
        assertThat(view.state()).isEqualTo(OrderState.PENDING_POST);
        assertThat(view.shipmentAttemptedAt()).as("no attempt to look up on a retry").isNull();
    }

    @Test
    void aLabelThatIsNotAPrintableDocumentStoresNothingAndFailsTheStepWithTheReason() {
        Components components = STACK.components();
        String id = OrderScenarios.readyToShip(components);
        STACK.tipsa().shipmentFor(id, albaran(id, "66"));
        STACK.tipsa().labelIs("%PDF-1.4 truncated".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> components.shipmentCreation().create(id)).isInstanceOf(InvalidLabelException.class)
                .hasMessageContaining("tipsa: the label of " + albaran(id, "66") + " is not a valid PDF");

        assertThat(components.orders().get(id).state()).isEqualTo(OrderState.PENDING_POST);
        assertThat(components.orders().get(id).shipment()).isNull();
        assertThatThrownBy(() -> components.labels().get("labels/tipsa/" + id + "/" + albaran(id, "66") + ".pdf"))
                .isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void aCreationRetriedAfterALostAnswerAdoptsTheShipmentTheLostCallMadeInsteadOfMakingASecond() {
        Components components = STACK.components();
        String id = OrderScenarios.readyToShip(components);
        STACK.tipsa().lostAnswerFor(id, albaran(id, "70"));
        CreateShipmentHandler handler = new CreateShipmentHandler(components);

        assertThatThrownBy(() -> invoke(handler, id)).isInstanceOf(CarrierUnavailableException.class);
        assertThat(components.orders().get(id).state()).isEqualTo(OrderState.PENDING_POST);

        // The state machine retries the task: TIPSA recorded the shipment although its answer never came.
        String output = invoke(handler, id);

        assertThat(STACK.tipsa().calls("WebServService___GrabaEnvio24")).isEqualTo(1);
        assertThat(output).contains("\"state\":\"AWAITING_TRACKING\"");
        OrderView view = components.orders().get(id);
        assertThat(view.state()).as("created, then waiting for the first scan").isEqualTo(
                OrderState.AWAITING_TRACKING);
        assertThat(view.shipment().trackingNumber()).isEqualTo(albaran(id, "70"));
        assertThat(components.labels().get(view.shipment().labelKey())).isEqualTo(TipsaStub.LABEL_PDF);
        assertThat(components.orders().history(id)).filteredOn(change -> change.to() == OrderState.POSTED)
                .singleElement().satisfies(posted -> assertThat(posted.details()).containsKey("adopted"));
    }

    @Test
    void aCreationRetriedAfterARefusalCreatesTheShipmentOnce() {
        Components components = STACK.components();
        String id = OrderScenarios.readyToShip(components);
        STACK.tipsa().fault("WebServService___GrabaEnvio24", "Servicio temporalmente no disponible");

        assertThatThrownBy(() -> components.shipmentCreation().create(id)).isInstanceOf(CarrierRejectedException.class);
        STACK.tipsa().reset();
        STACK.tipsa().shipmentFor(id, albaran(id, "71"));
        components.shipmentCreation().create(id);

        assertThat(STACK.tipsa().calls("WebServService___ConsEnvEstadosRef")).isEqualTo(1);
        assertThat(STACK.tipsa().calls("WebServService___GrabaEnvio24")).isEqualTo(1);
        assertThat(components.orders().get(id).shipment().trackingNumber()).isEqualTo(albaran(id, "71"));
    }

    @Test
    void aCreationRepeatedAfterSuccessReturnsTheSameShipmentWithoutCallingTheCarrier() {
        Components components = STACK.components();
        String id = OrderScenarios.readyToShip(components);
        STACK.tipsa().shipmentFor(id, albaran(id, "72"));
        Shipment first = components.shipmentCreation().create(id).shipment();
        int callsAfterFirst = STACK.tipsa().calls("WebServService___");

        Shipment again = components.shipmentCreation().create(id).shipment();

        assertThat(again).isEqualTo(first);
        assertThat(STACK.tipsa().calls("WebServService___")).isEqualTo(callsAfterFirst);
        assertThat(components.orders().history(id)).extracting(StatusChange::to)
                .containsOnlyOnce(OrderState.POSTED);
    }

    @Test
    void aTrackingNumberTheCarrierAlreadyGaveAnotherOrderIsRefusedAndChangesNothing() {
        Components components = STACK.components();
        String first = OrderScenarios.readyToShip(components);
        String second = OrderScenarios.readyToShip(components);
        STACK.tipsa().shipmentFor(first, albaran(first, "73"));
        STACK.tipsa().shipmentFor(second, albaran(first, "73"));
        components.shipmentCreation().create(first);

        assertThatThrownBy(() -> components.shipmentCreation().create(second))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already belongs to another order");
        assertThat(components.orders().get(second).state()).isEqualTo(OrderState.PENDING_POST);
        assertThat(components.shipments().orderOf("tipsa", albaran(first, "73"))).contains(first);
    }

    @Test
    void aCancelledOrderIsNotShipped() {
        Components components = STACK.components();
        String id = OrderScenarios.readyToShip(components);
        components.orders().transition(components.orders().get(id),
                TransitionRequest.to(OrderState.CANCELLED, "mirakl", "cancelled"));

        assertThatThrownBy(() -> components.shipmentCreation().create(id)).isInstanceOf(OrderCancelledException.class);
        assertThat(STACK.tipsa().calls("WebServService___")).isZero();
    }

    /** A tracking number of this test's own: the stand-ins hold every test's shipments. */
    private static byte[] download(URI link) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(link).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("Cannot download " + link, e);
        }
    }

    private static String albaran(String orderId, String suffix) {
        return "01" + orderId.substring(1, 7) + suffix;
    }

    private static StatusChange last(Components components, String id) {
        List<StatusChange> history = components.orders().history(id);
        return history.get(history.size() - 1);
    }

    static String invoke(com.amazonaws.services.lambda.runtime.RequestStreamHandler handler, String orderId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(("{\"orderId\":\"" + orderId + "\",\"taskToken\":\"scan-" + orderId + "\"}")
                    .getBytes(StandardCharsets.UTF_8)), out, LambdaContext.of("CreateShipmentFunction"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
