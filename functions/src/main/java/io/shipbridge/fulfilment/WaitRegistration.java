package io.shipbridge.fulfilment;

import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.order.TransitionRequest;
import io.shipbridge.storage.OrderStore;
import io.shipbridge.storage.WaitStore;
import io.shipbridge.workflow.WaitKind;
import io.shipbridge.workflow.WorkflowStep;
import java.time.Clock;
import java.util.Optional;

/**
 * Stores the task token of an execution entering a callback wait, then ends the wait at once if what it waits for
 * already happened (a fast customer debit, a scan reported before the wait began).
 */
public final class WaitRegistration {
    private final OrderStore orders;
    private final WaitStore waits;
    private final OrderProgress progress;
    private final Clock clock;

    public WaitRegistration(OrderStore orders, WaitStore waits, OrderProgress progress, Clock clock) {
        this.orders = orders;
        this.waits = waits;
        this.progress = progress;
        this.clock = clock;
    }

    public OrderView register(String orderId, WaitKind kind, String taskToken) {
        orders.get(orderId); // An unknown order fails here, before any token is stored.
        waits.put(orderId, kind, taskToken, clock.instant());
        if (kind == WaitKind.FIRST_SCAN) {
            orders.transitionIf(orderId, view -> view.state() != OrderState.POSTED ? Optional.empty()
                    : Optional.of(TransitionRequest.to(OrderState.AWAITING_TRACKING,
                            Actors.workflow(WorkflowStep.WAIT_FOR_FIRST_SCAN.stateName()), "Waiting for the carrier's first scan")));
        }
        return progress.advance(orderId);
    }
}
