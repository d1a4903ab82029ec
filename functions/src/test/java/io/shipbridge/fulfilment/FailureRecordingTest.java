package io.shipbridge.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipbridge.app.Components;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.order.TransitionRequest;
import io.shipbridge.testing.OrderScenarios;
import io.shipbridge.testing.TestStack;
import java.util.List;
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

    @Test
    void aWaitForTheFirstScanThatFailsBeforeItsRegistrationRecordsFailedTracking() {
        Components components = STACK.components();
        OrderScenarios.Shipped posted = OrderScenarios.posted(components, STACK.tipsa());

        components.failureRecording().record(posted.id(), OrderState.FAILED_TRACKING,
                "io.shipbridge.order.IllegalTransitionException", "cannot register");

        assertThat(components.orders().get(posted.id()).state()).isEqualTo(OrderState.FAILED_TRACKING);
    }

    @Test
    void aFailureAskedForAStepTheOrderIsNotAtIsRecordedAsTheFailureOfTheStepItIsAt() {
        Components components = STACK.components();
        String id = OrderScenarios.readyToShip(components);

        OrderView failed = components.failureRecording().record(id, OrderState.ACCEPTANCE_FAILED, "States.Timeout",
                "late");

        assertThat(failed.state()).isEqualTo(OrderState.FAILED_POST);
        assertThat(failed.failureReason()).isEqualTo("Timed out waiting: late");
        assertThat(components.orders().history(id).get(components.orders().history(id).size() - 1).details())
                .containsEntry("failedStep", "ACCEPTANCE_FAILED");
    }

    @Test
    void anOrderPastEveryFailureStateIsLeftAsItIs() {
        Components components = STACK.components();
        String id = OrderScenarios.readyToShip(components);
        for (OrderState next : List.of(OrderState.POSTED, OrderState.AWAITING_TRACKING, OrderState.TRACKED,
                OrderState.MIRAKL_OK)) {
            components.orders().transition(components.orders().get(id), TransitionRequest.to(next, "test", "on"));
        }

        assertThat(components.failureRecording().record(id, OrderState.FAILED_PUSH, "com.example.Late", "x").state())
                .isEqualTo(OrderState.MIRAKL_OK);
    }
}
