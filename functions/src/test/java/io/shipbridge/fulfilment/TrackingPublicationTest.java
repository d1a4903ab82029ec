package io.shipbridge.fulfilment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.shipbridge.app.Components;
import io.shipbridge.carrier.TrackingEvent;
import io.shipbridge.carrier.TrackingStatus;
import io.shipbridge.config.Json;
import io.shipbridge.mirakl.MiraklRejectedException;
import io.shipbridge.mirakl.MiraklUnavailableException;
import io.shipbridge.order.OrderCancelledException;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.StatusChange;
import io.shipbridge.testing.MiraklOrders;
import io.shipbridge.testing.OrderScenarios.Shipped;
import io.shipbridge.testing.OrderScenarios;
import io.shipbridge.testing.TestStack;
import io.shipbridge.tracking.TrackingUpdate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrackingPublicationTest {
    @RegisterExtension
    static final TestStack STACK = new TestStack();

    @Test
    void sendsTheMarketplacesCarrierCodeThenConfirmsTheShipment() {
        STACK.mirakl().carriers("{\"carriers\":[{\"code\":\"UPS\",\"label\":\"UPS\"},"
                + "{\"code\":\"TIPSA-ES\",\"label\":\"Tipsa\",\"tracking_url\":\"https://t/{trackingId}\"}]}");
        Components components = STACK.components();
        Shipped order = tracked(components);

        components.trackingPublication().publish(order.id());

        STACK.mirakl().server().verify(1, putRequestedFor(urlPathEqualTo("/api/orders/" + order.id() + "/tracking"))
                .withRequestBody(equalToJson("{\"carrier_code\":\"TIPSA-ES\",\"tracking_number\":\""
                        + order.trackingNumber() + "\"}")));
        assertThat(STACK.mirakl().calls(order.id(), "ship")).hasSize(1);
        StatusChange last = last(components, order.id());
        assertThat(last.to()).isEqualTo(OrderState.MIRAKL_OK);
        assertThat(last.details()).containsEntry("carrierCode", "TIPSA-ES");
    }

    @Test
    void sendsNameAndTrackingUrlForACarrierTheMarketplaceDoesNotKnow() {
        Components components = STACK.components();
        Shipped order = tracked(components);

        components.trackingPublication().publish(order.id());

        STACK.mirakl().server().verify(putRequestedFor(urlPathEqualTo("/api/orders/" + order.id() + "/tracking"))
                .withRequestBody(equalToJson("{\"carrier_name\":\"TIPSA\",\"carrier_url\":"
                        + "\"https://aplicaciones.tip-sa.com/cliente/datos_env.php?id=000123000123"
                        + order.trackingNumber() + "\",\"tracking_number\":\"" + order.trackingNumber() + "\"}")));
    }

    @Test
    void aConfiguredCodeWinsOverTheMarketplacesListWhichIsThenNotRead() {
        STACK.mirakl().carriers("{\"carriers\":[{\"code\":\"TIPSA-ES\",\"label\":\"Tipsa\"}]}");
        Components components = STACK.with("MIRAKL_CARRIER_CODES", "{\"tipsa\":\"TIP-PENINSULA\"}").components();
        Shipped order = tracked(components);

        components.trackingPublication().publish(order.id());

        assertThat(or23Body(order.id())).isEqualTo(json("{\"carrier_code\":\"TIP-PENINSULA\",\"tracking_number\":\""
                + order.trackingNumber() + "\"}"));
        assertThat(sh21Reads()).isZero();
        assertThat(last(components, order.id()).details()).containsEntry("carrierCode", "TIP-PENINSULA");
    }

    @Test
    void aMarketplaceCarrierWhoseCodeReadsLikeOursIsTakenIgnoringCaseAndPunctuation() {
        STACK.mirakl().carriers("{\"carriers\":[{\"code\":\"SEUR\",\"label\":\"Seur\"},"
                + "{\"code\":\"T.I.P.S.A\",\"label\":\"Transportes Interurbanos\"}]}");
        Components components = STACK.components();
        Shipped order = tracked(components);

        components.trackingPublication().publish(order.id());

        assertThat(or23Body(order.id())).isEqualTo(json("{\"carrier_code\":\"T.I.P.S.A\",\"tracking_number\":\""
                + order.trackingNumber() + "\"}"));
    }

    @ParameterizedTest(name = "SH21 answers {0}")
    @ValueSource(ints = {401, 403, 404})
    void aMarketplaceThatDoesNotOpenItsCarrierListToSellersGetsNameAndTrackingUrl(int status) {
        STACK.mirakl().server().stubFor(get(urlPathEqualTo("/api/shipping/carriers")).atPriority(1)
                .willReturn(aResponse().withStatus(status).withBody("{\"status\":" + status + "}")));
        Components components = STACK.components();
        Shipped order = tracked(components);

        components.trackingPublication().publish(order.id());

        assertThat(or23Body(order.id())).isEqualTo(byNameAndUrl(order));
        assertThat(components.orders().get(order.id()).state()).isEqualTo(OrderState.MIRAKL_OK);
        assertThat(last(components, order.id()).details()).containsEntry("carrierName", "TIPSA");
    }

    @Test
    void aCarrierListThatCannotBeReadStopsThePublicationBeforeAnythingIsSent() {
        STACK.mirakl().server().stubFor(get(urlPathEqualTo("/api/shipping/carriers")).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        Components components = STACK.components();
        Shipped order = tracked(components);

        assertThatThrownBy(() -> components.trackingPublication().publish(order.id()))
                .isInstanceOf(MiraklUnavailableException.class);

        assertThat(STACK.mirakl().calls(order.id(), "tracking")).isEmpty();
        assertThat(STACK.mirakl().calls(order.id(), "ship")).isEmpty();
        assertThat(components.orders().get(order.id()).state()).isEqualTo(OrderState.TRACKED);
    }

    @Test
    void theMarketplacesListIsReadOnceAnHourByARunningFunction() {
        Components components = STACK.components();
        Shipped first = tracked(components);
        Shipped second = tracked(components);
        Shipped third = tracked(components);
        TrackingPublication function = components.trackingPublication();

        function.publish(first.id());
        STACK.mirakl().carriers("{\"carriers\":[{\"code\":\"TIPSA-ES\",\"label\":\"Tipsa\"}]}");
        STACK.clock().advance(Duration.ofMinutes(60));
        function.publish(second.id());
        STACK.clock().advance(Duration.ofSeconds(1));
        function.publish(third.id());

        assertThat(or23Body(first.id())).isEqualTo(byNameAndUrl(first));
        assertThat(or23Body(second.id())).as("an hour after the list was read").isEqualTo(byNameAndUrl(second));
        assertThat(or23Body(third.id())).as("an hour and a second after").isEqualTo(json("{\"carrier_code\":"
                + "\"TIPSA-ES\",\"tracking_number\":\"" + third.trackingNumber() + "\"}"));
        assertThat(sh21Reads()).isEqualTo(2);
    }

    @Test
    void aRetryAfterAFailedConfirmationDoesNotSendTheTrackingAgain() {
        Components components = STACK.components();
        Shipped order = tracked(components);
        STACK.mirakl().server().stubFor(put(urlPathEqualTo("/api/orders/" + order.id() + "/ship")).atPriority(1)
                .inScenario("ship").willSetStateTo("up").willReturn(aResponse().withStatus(503)));
        STACK.mirakl().server().stubFor(put(urlPathEqualTo("/api/orders/" + order.id() + "/ship")).atPriority(1)
                .inScenario("ship").whenScenarioStateIs("up").willSetStateTo("down-again")
                .willReturn(aResponse().withStatus(503)));
        STACK.mirakl().server().stubFor(put(urlPathEqualTo("/api/orders/" + order.id() + "/ship")).atPriority(1)
                .inScenario("ship").whenScenarioStateIs("down-again").willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(503)));
        STACK.mirakl().server().stubFor(put(urlPathEqualTo("/api/orders/" + order.id() + "/ship")).atPriority(1)
                .inScenario("ship").whenScenarioStateIs("recovered").willReturn(aResponse().withStatus(204)));

        assertThatThrownBy(() -> components.trackingPublication().publish(order.id()))
                .isInstanceOf(MiraklUnavailableException.class);
        assertThat(components.orders().get(order.id()).state()).isEqualTo(OrderState.TRACKED);
        components.trackingPublication().publish(order.id());

        assertThat(STACK.mirakl().calls(order.id(), "tracking")).hasSize(1);
        assertThat(STACK.mirakl().calls(order.id(), "ship")).hasSize(4);
        assertThat(components.orders().get(order.id()).state()).isEqualTo(OrderState.MIRAKL_OK);
    }

    @Test
    void anOrderAlreadyShippedOnMiraklCountsAsConfirmed() {
        Components components = STACK.components();
        Shipped order = tracked(components);
        refuseConfirmation(order.id());
        STACK.mirakl().order(MiraklOrders.inState(MiraklOrders.waitingAcceptance(order.id(), TestStack.START, "S", 1),
                "SHIPPED", TestStack.START.plusSeconds(3600)));

        components.trackingPublication().publish(order.id());

        assertThat(components.orders().get(order.id()).state()).isEqualTo(OrderState.MIRAKL_OK);
        assertThat(last(components, order.id()).details()).containsEntry("or24", "already SHIPPED on Mirakl");
    }

    @Test
    void aConfirmationRefusedForAnOrderStillInShippingIsAnError() {
        Components components = STACK.components();
        Shipped order = tracked(components);
        refuseConfirmation(order.id());
        STACK.mirakl().order(MiraklOrders.inState(MiraklOrders.waitingAcceptance(order.id(), TestStack.START, "S", 1),
                "SHIPPING", TestStack.START.plusSeconds(3600)));

        assertThatThrownBy(() -> components.trackingPublication().publish(order.id()))
                .isInstanceOf(MiraklRejectedException.class).hasMessageContaining("not in SHIPPING");
        assertThat(components.orders().get(order.id()).state()).isEqualTo(OrderState.TRACKED);
    }

    @Test
    void aTrackingRefusedBecauseMiraklCancelledTheOrderEndsThePushAsCancelledAndLeavesTheOrderToTheFetch() {
        Components components = STACK.components();
        Shipped order = tracked(components);
        STACK.mirakl().server().stubFor(put(urlPathEqualTo("/api/orders/" + order.id() + "/tracking")).atPriority(1)
                .willReturn(aResponse().withStatus(400)
                        .withBody("{\"message\":\"The order is not in SHIPPING state\",\"status\":400}")));
        STACK.mirakl().order(MiraklOrders.inState(MiraklOrders.waitingAcceptance(order.id(), TestStack.START, "S", 1),
                "CANCELED", TestStack.START.plusSeconds(3600)));

        assertThatThrownBy(() -> components.trackingPublication().publish(order.id()))
                .isInstanceOf(OrderCancelledException.class);
        // No confirmation after the refusal; the order is the fetch's to cancel, with its shipment at the carrier.
        assertThat(STACK.mirakl().calls(order.id(), "ship")).isEmpty();
        assertThat(components.orders().get(order.id()).state()).isEqualTo(OrderState.TRACKED);
    }

    @Test
    void publishingTwiceSendsEachCallOnce() {
        Components components = STACK.components();
        Shipped order = tracked(components);

        components.trackingPublication().publish(order.id());
        components.trackingPublication().publish(order.id());

        assertThat(STACK.mirakl().calls(order.id(), "tracking")).hasSize(1);
        assertThat(STACK.mirakl().calls(order.id(), "ship")).hasSize(1);
    }

    /** The one OR23 body sent for the order, as JSON (its fields in any order, no other field). */
    private static JsonNode or23Body(String orderId) {
        List<LoggedRequest> sent = STACK.mirakl().calls(orderId, "tracking");
        assertThat(sent).as("OR23 calls for " + orderId).hasSize(1);
        return json(sent.get(0).getBodyAsString());
    }

    /** OR23 for a TIPSA shipment the marketplace does not know: TIPSA's name and public tracking page. */
    private static JsonNode byNameAndUrl(Shipped order) {
        return json("{\"carrier_name\":\"TIPSA\",\"carrier_url\":\"https://aplicaciones.tip-sa.com/cliente/"
                + "datos_env.php?id=000123000123" + order.trackingNumber() + "\",\"tracking_number\":\""
                + order.trackingNumber() + "\"}");
    }

    private static JsonNode json(String text) {
        return Json.read(text, JsonNode.class);
    }

    private static int sh21Reads() {
        return STACK.mirakl().server().findAll(getRequestedFor(urlPathEqualTo("/api/shipping/carriers"))).size();
    }

    private static void refuseConfirmation(String orderId) {
        STACK.mirakl().server().stubFor(put(urlPathEqualTo("/api/orders/" + orderId + "/ship")).atPriority(1)
                .willReturn(aResponse().withStatus(400)
                        .withBody("{\"message\":\"The order is not in SHIPPING state\",\"status\":400}")));
    }

    private static Shipped tracked(Components components) {
        Shipped order = OrderScenarios.awaitingFirstScan(components, STACK.tipsa());
        components.trackingIngest().apply(TrackingUpdate.fromPoll("tipsa", new TrackingEvent(order.trackingNumber(),
                "1", null, TrackingStatus.IN_TRANSIT, TestStack.START.plusSeconds(7200), null), TestStack.START));
        assertThat(components.orders().get(order.id()).state()).isEqualTo(OrderState.TRACKED);
        return order;
    }

    private static StatusChange last(Components components, String id) {
        List<StatusChange> history = components.orders().history(id);
        return history.get(history.size() - 1);
    }
}
