package io.shipbridge.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.app.Components;
import io.shipbridge.config.Json;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.order.StatusChange;
import io.shipbridge.testing.OrderScenarios;
import io.shipbridge.testing.TestStack;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OrderRetryTest {
    @RegisterExtension
    static final TestStack STACK = new TestStack();

    @Test
    void aFailedPostWhoseShipmentWasAskedForGoesBackAndResumesAtCreateShipmentOnce() {
        Components components = STACK.components();
        String id = OrderScenarios.readyToShip(components);
        components.orders().recordShipmentAttempt(id, STACK.clock().instant());
        components.failureRecording().record(id, OrderState.FAILED_POST, "io.shipbridge.fulfilment"
                + ".RecoveryExhaustedException", "CreateShipment kept failing for 24 h");

        OrderRetry.Retried retried = components.orderRetry().retry(id, "arn:aws:iam::1:user/ana", "TIPSA is back");
        OrderRetry.Retried again = components.orderRetry().retry(id, "arn:aws:iam::1:user/ana", "TIPSA is back");

        assertThat(retried.step()).isEqualTo("CreateShipment");
        assertThat(retried.order().state()).isEqualTo(OrderState.PENDING_POST);
        assertThat(again.execution()).as("the same retry asked twice").isEqualTo(retried.execution());
        assertThat(retried.execution()).isEqualTo(id + "-retry-" + retried.order().version());
        List<JsonNode> starts = STACK.stepFunctions().requests("StartExecution");
        JsonNode input = Json.read(starts.get(starts.size() - 1).path("input").asText(), JsonNode.class);
        assertThat(input.path("orderId").asText()).isEqualTo(id);
        assertThat(input.path("resume").path("at").asText()).isEqualTo("CreateShipment");
        List<StatusChange> history = components.orders().history(id);
        StatusChange last = history.get(history.size() - 1);
        assertThat(last.from()).isEqualTo(OrderState.FAILED_POST);
        assertThat(last.actor()).isEqualTo("operator:arn:aws:iam::1:user/ana");
        assertThat(last.reason()).isEqualTo("Retried by an operator: TIPSA is back");
        assertThat(last.details()).containsEntry("resumeAt", "CreateShipment")
                .containsEntry("failureReason", "RecoveryExhaustedException: CreateShipment kept failing for 24 h");
        assertThat(history).filteredOn(h -> h.from() == OrderState.FAILED_POST).hasSize(1);
        assertThat(components.orders().get(id).failureReason()).isNull();
    }

    @Test
    void eachFailureResumesAtTheStepThatFailed() {
        Components components = STACK.components();
        String notAccepted = OrderScenarios.pendingPost(components, "SKU-1", 1, "ES", "28014");
        String noCarrier = OrderScenarios.readyToShip(components);
        OrderScenarios.Shipped notScanned = OrderScenarios.posted(components, STACK.tipsa());
        components.failureRecording().record(noCarrier, OrderState.FAILED_POST, "NoCarrierAvailableException",
                "no rule");
        components.failureRecording().record(notScanned.id(), OrderState.FAILED_TRACKING, "States.Timeout", null);

        assertThat(components.orderRetry().retry(noCarrier, "ana", null).step()).isEqualTo("CreateShipment");
        OrderRetry.Retried tracking = components.orderRetry().retry(notScanned.id(), "ana", null);
        assertThat(tracking.step()).as("its shipment kept, its wait for the first scan begun again")
                .isEqualTo("CreateShipment");
        assertThat(tracking.order().state()).isEqualTo(OrderState.POSTED);
        assertThatThrownBy(() -> components.orderRetry().retry(notAccepted, "ana", null))
                .isInstanceOf(OrderRetry.NotRetryableException.class).hasMessageContaining("PENDING_POST");
    }

    @Test
    void anOrderThatIsNotFailedIsNotRetriedAndNothingChanges() {
        Components components = STACK.components();
        String id = OrderScenarios.readyToShip(components);
        OrderView before = components.orders().get(id);
        int started = STACK.stepFunctions().startedExecutionNames().size();

        assertThatThrownBy(() -> components.orderRetry().retry(id, "ana", "why not"))
                .isInstanceOf(OrderRetry.NotRetryableException.class)
                .hasMessage("Order " + id + " is PENDING_POST, not in a FAILED_* state: there is nothing to retry");
        assertThat(components.orders().get(id).version()).isEqualTo(before.version());
        assertThat(STACK.stepFunctions().startedExecutionNames()).hasSize(started);
    }
}
