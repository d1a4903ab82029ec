package io.shipbridge.workflow;

import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import java.util.Optional;

/**
 * The steps of an order's fulfilment, the state of the state machine that takes each (a state may take an action and
 * the wait after it: each state entered is billed), and which step an order is at. A scheduled retry and an operator
 * retry both resume an order where it stands, so both read it from here.
 */
public enum WorkflowStep {
    ACCEPT_ORDER("AcceptOrder", OrderState.ACCEPTANCE_FAILED),
    WAIT_FOR_SHIPPING("AcceptOrder", OrderState.ACCEPTANCE_FAILED),
    SELECT_CARRIER("CreateShipment", OrderState.FAILED_POST),
    CREATE_SHIPMENT("CreateShipment", OrderState.FAILED_POST),
    WAIT_FOR_FIRST_SCAN("CreateShipment", OrderState.FAILED_TRACKING),
    PUSH_TRACKING("PushTracking", OrderState.FAILED_PUSH),
    /** Nothing fails here: an order confirmed on Mirakl whose delivery is never reported stays MIRAKL_OK. */
    WAIT_FOR_DELIVERY("PushTracking", null);

    private final String stateName;
    private final OrderState failure;

    WorkflowStep(String stateName, OrderState failure) {
        this.stateName = stateName;
        this.failure = failure;
    }

    public String stateName() {
        return stateName;
    }

    /** The FAILED_* state the order moves to when this step fails for good; empty for none. */
    public Optional<OrderState> failure() {
        return Optional.ofNullable(failure);
    }

    /** The first step a state machine state takes: the one a retry that names the state starts from. */
    public static Optional<WorkflowStep> named(String stateName) {
        for (WorkflowStep step : values()) {
            if (step.stateName.equals(stateName)) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }

    /**
     * The step an order is at: the one that moves it out of its state. A failed order is at the step that failed,
     * told by the state it failed from. Empty for an order that ended.
     */
    public static Optional<WorkflowStep> of(OrderView order) {
        OrderState state = order.state();
        if (state.isFailure()) {
            if (order.previousState() == null || order.previousState().isFailure()) {
                return Optional.empty();
            }
            state = order.previousState();
        }
        return Optional.ofNullable(switch (state) {
            case PENDING_ACCEPTANCE -> ACCEPT_ORDER;
            case ACCEPTED -> WAIT_FOR_SHIPPING;
            // A shipment asked of the carrier is found there again, never re-routed to another carrier.
            case PENDING_POST -> order.carrierChoice() != null && order.shipmentAttemptedAt() != null
                    ? CREATE_SHIPMENT : SELECT_CARRIER;
            case POSTED, AWAITING_TRACKING -> WAIT_FOR_FIRST_SCAN;
            case TRACKED -> PUSH_TRACKING;
            case MIRAKL_OK -> WAIT_FOR_DELIVERY;
            default -> null;
        });
    }
}
