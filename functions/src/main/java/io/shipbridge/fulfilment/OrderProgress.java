package io.shipbridge.fulfilment;

import io.shipbridge.order.OrderCancelledException;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.order.TransitionRequest;
import io.shipbridge.storage.OrderStore;
import io.shipbridge.storage.WaitStore;
import io.shipbridge.workflow.OrderWorkflow;
import io.shipbridge.workflow.WaitKind;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves an order forward from what has been recorded about it, and resumes its execution when the wait it is in is
 * over. Everyone who records something (the fetch, the tracking consumer, a callback registration) calls
 * {@link #advance} afterwards: whichever comes last sees both the fact and the waiting token, so no resume is lost
 * to a race, and a repeated call does nothing new.
 */
public final class OrderProgress {
    private static final Logger LOG = LoggerFactory.getLogger(OrderProgress.class);

    private final OrderStore orders;
    private final WaitStore waits;
    private final OrderWorkflow workflow;

    public OrderProgress(OrderStore orders, WaitStore waits, OrderWorkflow workflow) {
        this.orders = orders;
        this.waits = waits;
        this.workflow = workflow;
    }

    public OrderView advance(String orderId) {
        return advance(orders.get(orderId));
    }

    /** As above, from the order as just read or written by the caller (read again only on a conflict). */
    public OrderView advance(OrderView current) {
        // Each transition may make the next one due (none does today; the loop keeps that true tomorrow).
        OrderView view = orders.transitionWhileDue(current, OrderProgress::dueTransition);
        endFinishedWaits(view);
        return view;
    }

    /** The transition that what is recorded on the view calls for, if any. Never a step backwards. */
    static Optional<TransitionRequest> dueTransition(OrderView view) {
        String carrier = view.shipment() == null ? "carrier" : Actors.carrier(view.shipment().carrier());
        return switch (view.state()) {
            case ACCEPTED -> "SHIPPING".equals(view.miraklState())
                    ? Optional.of(TransitionRequest.to(OrderState.PENDING_POST, Actors.MIRAKL,
                            "Customer debited: the order is in SHIPPING on Mirakl, with its shipping address"))
                    : Optional.empty();
            case AWAITING_TRACKING -> view.tracking().scanned()
                    ? Optional.of(TransitionRequest.to(OrderState.TRACKED, carrier, "First carrier scan")
                            .withDetails(Map.of("carrierStatus", String.valueOf(view.tracking().status()),
                                    "firstScanAt", String.valueOf(view.tracking().firstScanAt()))))
                    : Optional.empty();
            case MIRAKL_OK -> view.tracking().delivered()
                    ? Optional.of(TransitionRequest.to(OrderState.COMPLETE, carrier, "Delivered")
                            .withDetails(Map.of("deliveredAt", String.valueOf(view.tracking().deliveredAt()))))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    private void endFinishedWaits(OrderView view) {
        Map<WaitKind, String> tokens = waits.all(view.orderId());
        tokens.forEach((kind, token) -> {
            if (view.state() == OrderState.CANCELLED) {
                workflow.fail(token, OrderCancelledException.class.getName(),
                        "Order " + view.orderId() + " was cancelled");
                waits.remove(view.orderId(), kind, token);
            } else if (!view.state().isFailure() && view.state().hasReached(kind.endsAt())) {
                boolean resumed = workflow.resume(token, Map.of("orderId", view.orderId(), "state", view.state()));
                LOG.info("Wait {} of order {} is over ({}){}", kind, view.orderId(), view.state(),
                        resumed ? "" : ": its execution was no longer waiting");
                waits.remove(view.orderId(), kind, token);
            }
        });
    }
}
