package io.shipbridge.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipbridge.app.Components;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.operations.OperationStatus;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.order.TransitionRequest;
import io.shipbridge.testing.OrderScenarios;
import io.shipbridge.testing.TestStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultRecoveryTest {
    private static final String ERROR = "CarrierUnavailableException: tipsa: find_shipment got no answer";

    @RegisterExtension
    static final TestStack STACK = new TestStack();

    @Test
    void waitsLongerEachTimeWithinItsBoundsAndResumesTheStepTheOrderIsAt() {
        Components components = STACK.with("RECOVERY_WINDOW_HOURS", "48").components();
        String id = OrderScenarios.readyToShip(components);
        components.orders().recordShipmentAttempt(id, STACK.clock().instant());

        double scheduledBefore = TestStack.METRICS.total("RetriesScheduled");
        double pastAnHourBefore = TestStack.METRICS.total("OrdersInRecoveryOverAnHour");
        List<Long> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 10; attempt++) {
            FaultRecovery.Plan plan = components.faultRecovery().schedule(id, ERROR);
            assertThat(plan.at()).isEqualTo("CreateShipment");
            assertThat(plan.attempt()).isEqualTo(attempt);
            waits.add(plan.waitSeconds());
            STACK.clock().advance(Duration.ofSeconds(plan.waitSeconds()));
        }

        // 60 s doubled each time up to 2 h, each between half of that and all of it.
        for (int i = 0; i < waits.size(); i++) {
            long ceiling = Math.min(60L << i, 7200);
            assertThat(waits.get(i)).as("wait %d", i + 1).isBetween(ceiling / 2, ceiling);
        }
        OrderView order = components.orders().get(id);
        assertThat(order.state()).isEqualTo(OrderState.PENDING_POST);
        assertThat(order.recovery().step()).isEqualTo("CreateShipment");
        assertThat(order.recovery().attempts()).isEqualTo(10);
        assertThat(order.recovery().since()).isEqualTo(TestStack.START);
        assertThat(order.recovery().lastError()).isEqualTo(ERROR);
        assertThat(components.operations().forOrder(id)).filteredOn(r -> r.action().equals("retry_scheduled"))
                .hasSize(10).allMatch(r -> r.status() == OperationStatus.RETRY && r.scope().equals("workflow"));
        assertThat(TestStack.METRICS.total("RetriesScheduled") - scheduledBefore).isEqualTo(10);
        assertThat(TestStack.METRICS.total("OrdersInRecoveryOverAnHour") - pastAnHourBefore)
                .as("counted once per wait").isEqualTo(1);
    }

    @Test
    void givesUpAfterTheWindowAndTheOrderFailsInTheStateOfItsStepWithTheLastError() {
        Components components = STACK.with("RECOVERY_WINDOW_HOURS", "2").components();
        String id = OrderScenarios.readyToShip(components);

        RecoveryExhaustedException exhausted = null;
        for (int attempt = 0; attempt < 50 && exhausted == null; attempt++) {
            try {
                STACK.clock().advance(Duration.ofSeconds(
                        components.faultRecovery().schedule(id, ERROR).waitSeconds()));
            } catch (RecoveryExhaustedException e) {
                exhausted = e;
            }
        }

        assertThat(exhausted).isNotNull();
        assertThat(Duration.between(TestStack.START, STACK.clock().instant())).as("not a second past the window")
                .isEqualTo(Duration.ofHours(2));
        assertThat(exhausted.getMessage()).contains("CreateShipment kept failing for 2 h").endsWith(ERROR);
        OperationRecord last = components.operations().forOrder(id).getLast();
        assertThat(last.action()).isEqualTo("retries_exhausted");

        OrderView failed = components.failureRecording().record(id, null, RecoveryExhaustedException.class.getName(),
                exhausted.getMessage());
        assertThat(failed.state()).isEqualTo(OrderState.FAILED_POST);
        assertThat(failed.failureReason()).startsWith("RecoveryExhaustedException: CreateShipment kept failing")
                .endsWith(ERROR);
        assertThat(failed.recovery()).as("cleared by the move").isNull();
    }

    @Test
    void theOrdersNextMoveEndsItsRecoveryAndANewFaultStartsAFreshOne() {
        Components components = STACK.components();
        String id = OrderScenarios.readyToShip(components);
        components.faultRecovery().schedule(id, ERROR);
        STACK.clock().advance(Duration.ofMinutes(30));
        components.faultRecovery().schedule(id, ERROR);

        components.orders().transition(components.orders().get(id), TransitionRequest.to(OrderState.CANCELLED,
                "mirakl", "cancelled"));

        assertThat(components.orders().get(id).recovery()).isNull();
        assertThatThrownBy(() -> components.faultRecovery().schedule(id, ERROR))
                .isInstanceOf(io.shipbridge.order.OrderCancelledException.class);
    }

    @Test
    void aFaultAtAnotherStepStartsItsOwnWindow() {
        Components components = STACK.components();
        OrderScenarios.Shipped order = OrderScenarios.awaitingFirstScan(components, STACK.tipsa());
        assertThat(components.faultRecovery().schedule(order.id(), ERROR).at()).isEqualTo("CreateShipment");
        STACK.clock().advance(Duration.ofMinutes(1));
        components.orders().transition(components.orders().get(order.id()), TransitionRequest.to(OrderState.TRACKED,
                "carrier:tipsa", "First carrier scan"));

        FaultRecovery.Plan plan = components.faultRecovery().schedule(order.id(), ERROR);

        assertThat(plan.at()).isEqualTo("PushTracking");
        assertThat(plan.attempt()).isEqualTo(1);
        assertThat(components.orders().get(order.id()).recovery().since()).isEqualTo(STACK.clock().instant());
    }

    @Test
    void choosingTheCarrierAskingItForTheShipmentAndWaitingForItsScanAreOneStepWithOneWindow() {
        Components components = STACK.components();
        String id = OrderScenarios.readyToShip(components);
        components.faultRecovery().schedule(id, ERROR);
        STACK.clock().advance(Duration.ofMinutes(1));
        components.orders().recordShipmentAttempt(id, STACK.clock().instant());

        FaultRecovery.Plan plan = components.faultRecovery().schedule(id, ERROR);

        assertThat(plan.at()).isEqualTo("CreateShipment");
        assertThat(plan.attempt()).isEqualTo(2);
    }
}
