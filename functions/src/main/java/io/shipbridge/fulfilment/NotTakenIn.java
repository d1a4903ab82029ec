package io.shipbridge.fulfilment;

import io.shipbridge.mirakl.MiraklClient;
import io.shipbridge.mirakl.MiraklException;
import io.shipbridge.mirakl.MiraklOrder;
import io.shipbridge.mirakl.MiraklOrderStates;
import io.shipbridge.mirakl.MiraklRejectedException;
import io.shipbridge.mirakl.OrderIds;
import io.shipbridge.mirakl.UnusableOrder;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.operations.OperationStatus;
import io.shipbridge.operations.OperationsLog;
import io.shipbridge.order.Order;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.order.TransitionRequest;
import io.shipbridge.storage.OrderStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to an order Shipbridge cannot take in as Mirakl sent it: never silent. It is recorded (view in
 * NOT_TAKEN_IN with the reasons, a history row, an operations-log row) and, by the seller's setting, refused on Mirakl
 * (OR21, every line refused) while Mirakl still waits for the seller's acceptance, or held for the operator. An order
 * without a usable id cannot be recorded by id: it is logged (a fingerprint, never the id or the order's data) and
 * counted. A repeated fetch of the same version records nothing more; a refusal is sent until one is recorded.
 */
public final class NotTakenIn {
    private static final Logger LOG = LoggerFactory.getLogger(NotTakenIn.class);

    /** What the seller wants done on Mirakl with an order that cannot be taken in. */
    public enum Action {
        /** Refuse every line (OR21) while the order waits for acceptance; otherwise hold it. */
        REFUSE,
        /** Leave it on Mirakl for the operator (accept or refuse in the back office, or fix and let it come back). */
        HOLD;

        public static Action parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Setting MALFORMED_ORDER_ACTION must be refuse or hold");
            }
        }
    }

    /**
     * @param refusalReason the seller's reason for a refusal: OR21 takes none, so it is recorded in Shipbridge (the
     *                      history row of the refusal and the operations log)
     */
    public record Policy(Action action, String refusalReason) {
    }

    private final OrderStore orders;
    private final MiraklClient mirakl;
    private final Cancellation cancellation;
    private final OperationsLog operations;
    private final Policy policy;
    private final Clock clock;

    public NotTakenIn(OrderStore orders, MiraklClient mirakl, Cancellation cancellation, OperationsLog operations,
            Policy policy, Clock clock) {
        this.orders = orders;
        this.mirakl = mirakl;
        this.cancellation = cancellation;
        this.operations = operations;
        this.policy = policy;
        this.clock = clock;
    }

    public OrderIntake.Outcome record(UnusableOrder order) {
        if (!order.hasUsableId()) {
            return unidentified(order);
        }
        String reasons = String.join("; ", order.reasons());
        Optional<OrderView> known = orders.find(order.orderId());
        if (known.isEmpty() && (MiraklOrderStates.isCancelled(order.orderState())
                || MiraklOrderStates.isShippedOrLater(order.orderState()))) {
            // As for a well-formed order first seen there: over on Mirakl, nothing to do but say so.
            log(order, OperationStatus.SKIPPED, "Not taken in: first seen " + order.orderState() + ", and " + reasons);
            return OrderIntake.Outcome.IGNORED;
        }
        if (known.isEmpty()) {
            Decision decision = decide(order);
            Map<String, String> details = new LinkedHashMap<>();
            details.put("miraklState", String.valueOf(order.orderState()));
            details.put("action", decision.action().name().toLowerCase(Locale.ROOT));
            details.put("why", decision.why());
            if (orders.createNotTakenIn(new Order(order.orderId(), null, null, null, null, null, List.of(), null,
                    Map.of()), order.orderState(), order.lastUpdatedDate(), Actors.MIRAKL, reasons, details)) {
                log(order, OperationStatus.ERROR, "Order not taken in: " + reasons + " (" + decision.why() + ")");
                if (decision.action() == Action.REFUSE) {
                    refuse(orders.get(order.orderId()), order);
                }
                return OrderIntake.Outcome.NOT_TAKEN_IN;
            }
            known = orders.find(order.orderId()); // A concurrent fetch recorded it first.
        }
        return known.map(view -> again(view, order, reasons)).orElse(OrderIntake.Outcome.UNCHANGED);
    }

    /** An order already recorded comes again, still unusable. */
    private OrderIntake.Outcome again(OrderView view, UnusableOrder order, String reasons) {
        boolean newer = orders.recordUnusableUpdate(order.orderId(), order.orderState(), order.lastUpdatedDate());
        if (view.state() == OrderState.NOT_TAKEN_IN) {
            if (MiraklOrderStates.isCancelled(order.orderState())) {
                return cancellation.cancel(order.orderId(), order.orderState(), null)
                        ? OrderIntake.Outcome.CANCELLED : OrderIntake.Outcome.UNCHANGED;
            }
            if (newer) {
                log(order, OperationStatus.ERROR, "Newer version still not taken in: " + reasons);
            }
            if (decide(order).action() == Action.REFUSE) {
                refuse(view, order); // The refusal of an earlier fetch did not go through.
            }
            return newer ? OrderIntake.Outcome.UPDATED : OrderIntake.Outcome.UNCHANGED;
        }
        if (view.state().isTerminal() || !newer) {
            return OrderIntake.Outcome.UNCHANGED;
        }
        // Taken in earlier; Mirakl's news about it cannot be: the order stays where it is, the operator is told.
        log(order, OperationStatus.ERROR, "Update not taken in: " + reasons + "; the order stays " + view.state());
        if (MiraklOrderStates.isCancelled(order.orderState())) {
            cancellation.cancel(order.orderId(), order.orderState(), null);
        }
        return OrderIntake.Outcome.NOT_TAKEN_IN;
    }

    private record Decision(Action action, String why) {
    }

    private Decision decide(UnusableOrder order) {
        if (policy.action() == Action.HOLD) {
            return new Decision(Action.HOLD, "held for the operator (MALFORMED_ORDER_ACTION=hold)");
        }
        if (!MiraklOrderStates.WAITING_ACCEPTANCE.equals(order.orderState())) {
            return new Decision(Action.HOLD, "held for the operator: Mirakl takes a refusal only while the order"
                    + " waits for acceptance");
        }
        if (!order.canBeRefused()) {
            return new Decision(Action.HOLD, "held for the operator: its lines have no usable, distinct ids to"
                    + " refuse through OR21");
        }
        return new Decision(Action.REFUSE, "refused on Mirakl (MALFORMED_ORDER_ACTION=refuse)");
    }

    private void refuse(OrderView view, UnusableOrder order) {
        try {
            mirakl.refuseLines(order.orderId(), order.lineIds());
        } catch (MiraklRejectedException e) {
            // No longer waiting for acceptance: refused already (a lost answer), cancelled, or accepted by hand.
            Optional<MiraklOrder> current = mirakl.getOrder(order.orderId());
            if (current.isPresent() && MiraklOrderStates.isCancelled(current.get().orderState())) {
                cancellation.cancel(order.orderId(), current.get().orderState(), null);
            }
            return;
        } catch (MiraklException e) {
            // A passing fault, logged by the client: the order stays held, the next fetch that sees it refuses it.
            LOG.warn("Refusing order {} on Mirakl failed; it stays NOT_TAKEN_IN: {}", order.orderId(), e.toString());
            return;
        }
        orders.transition(view, TransitionRequest.to(OrderState.CANCELLED, Actors.SHIPBRIDGE,
                "Refused on Mirakl (OR21, every line): " + policy.refusalReason())
                .withDetails(Map.of("refusalReason", policy.refusalReason(),
                        "lines", String.valueOf(order.lineIds().size())))
                // The view keeps why it was not taken in: the operator reads it without the history.
                .withFailureReason(view.failureReason()));
        log(order, OperationStatus.OK, "Order refused on Mirakl: " + policy.refusalReason());
    }

    private OrderIntake.Outcome unidentified(UnusableOrder order) {
        String fingerprint = OrderIds.fingerprint(order.orderId());
        String message = "Order without a usable order_id not taken in (fingerprint " + fingerprint + "): "
                + String.join("; ", order.reasons());
        LOG.error(message);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("fingerprint", fingerprint);
        meta.put("mirakl_state", safeState(order.orderState()));
        operations.record(new OperationRecord(clock.instant(), "mirakl", "fetch_order", null, null,
                OperationStatus.ERROR, message, meta));
        return OrderIntake.Outcome.UNIDENTIFIED;
    }

    private void log(UnusableOrder order, OperationStatus status, String message) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("mirakl_state", safeState(order.orderState()));
        meta.put("last_updated_date", String.valueOf(order.lastUpdatedDate()));
        meta.put("action", policy.action().name().toLowerCase(Locale.ROOT));
        operations.record(new OperationRecord(clock.instant(), "mirakl", "fetch_order", order.orderId(), null,
                status, message, meta));
    }

    /** Mirakl's state as text when it looks like one; anything else is not repeated. */
    static String safeState(String state) {
        return state != null && state.matches("[A-Z_]{1,40}") ? state : "unreadable";
    }
}
