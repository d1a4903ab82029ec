package io.shipbridge.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipbridge.app.Components;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.order.TransitionRequest;
import io.shipbridge.testing.OrderScenarios;
import io.shipbridge.testing.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FailureRecordingTest {
    @RegisterExtension
    static final TestStack STACK = new TestStack();

    @Test
    void readsTheMessageOutOfALambdaErrorDocument() {
        assertThat(FailureRecording.reason("io.shipbridge.carrier.CarrierRejectedException",
                "{\"errorMessage\":\"tipsa: SOAP fault Server: Código postal erróneo\",\"errorType\":"
                        + "\"io.shipbridge.carrier.CarrierRejectedException\",\"stackTrace\":[]}"))
                .isEqualTo("CarrierRejectedException: tipsa: SOAP fault Server: Código postal erróneo");
    }

    @Test
    void explainsATimeout() {
        assertThat(FailureRecording.reason("States.Timeout", null)).isEqualTo("Timed out waiting");
    }

    @Test
    void movesTheOrderToTheFailedStateWithItsReasonOnceAndLeavesACancelledOrderAlone() {
        Components components = STACK.components();
        String failing = OrderScenarios.readyToShip(components);
        String cancelled = OrderScenarios.readyToShip(components);
        components.orders().transition(components.orders().get(cancelled),
                TransitionRequest.to(OrderState.CANCELLED, "mirakl", "cancelled"));

        components.failureRecording().record(failing, OrderState.FAILED_POST, "States.Timeout", "no answer");
        components.failureRecording().record(failing, OrderState.FAILED_POST, "States.Timeout", "no answer");
        components.failureRecording().record(cancelled, OrderState.FAILED_POST, "States.Timeout", "no answer");

        OrderView failed = components.orders().get(failing);
        assertThat(failed.state()).isEqualTo(OrderState.FAILED_POST);
        assertThat(failed.failureReason()).isEqualTo("Timed out waiting: no answer");
        assertThat(components.orders().history(failing)).extracting(h -> h.to())
                .containsOnlyOnce(OrderState.FAILED_POST);
        assertThat(components.orders().get(cancelled).state()).isEqualTo(OrderState.CANCELLED);
    }
}
