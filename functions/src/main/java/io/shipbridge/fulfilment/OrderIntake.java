package io.shipbridge.fulfilment;

import io.shipbridge.mirakl.MalformedOrderException;
import io.shipbridge.mirakl.MiraklOrder;
import io.shipbridge.mirakl.MiraklOrderMapper;
import io.shipbridge.mirakl.MiraklOrderStates;
import io.shipbridge.mirakl.UnusableOrder;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.operations.OperationStatus;
import io.shipbridge.operations.OperationsLog;
import io.shipbridge.order.Order;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.order.TransitionRequest;
import io.shipbridge.storage.OrderStore;
import io.shipbridge.workflow.ExecutionInput;
import io.shipbridge.workflow.OrderWorkflow;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes in one order as Mirakl reported it: a new order gets its view, first history row and execution; a known one
 * gets Mirakl's news (its shipping address, a cancellation), unless this news is not newer than what was recorded.
 * An order that cannot be taken in goes to {@link NotTakenIn}; a corrected version of one is taken in then.
 */
public final class OrderIntake {
    /** What became of one fetched order. */
    public enum Outcome {
        CREATED, UPDATED, UNCHANGED, CANCELLED, IGNORED,
        /** Recorded as not taken in (or an update of a known order that could not be), and counted. */
        NOT_TAKEN_IN,
        /** Not taken in and not recordable: no usable order_id. Counted and logged. */
        UNIDENTIFIED;

        public boolean isNotTakenIn() {
            return this == NOT_TAKEN_IN || this == UNIDENTIFIED;
        }

        /** How many of these outcomes are orders not taken in (the OrdersNotTakenIn metric). */
        public static int notTakenIn(Map<Outcome, Integer> outcomes) {
            return outcomes.entrySet().stream().filter(e -> e.getKey().isNotTakenIn())
                    .mapToInt(Map.Entry::getValue).sum();
        }
    }

    private final OrderStore orders;
    private final OrderWorkflow workflow;
    private final OrderProgress progress;
    private final Cancellation cancellation;
    private final OperationsLog operations;
    private final NotTakenIn notTakenIn;
    private final Clock clock;

    public OrderIntake(OrderStore orders, OrderWorkflow workflow, OrderProgress progress, Cancellation cancellation,
            NotTakenIn notTakenIn, OperationsLog operations, Clock clock) {
        this.orders = orders;
        this.workflow = workflow;
        this.progress = progress;
        this.cancellation = cancellation;
        this.operations = operations;
        this.notTakenIn = notTakenIn;
        this.clock = clock;
    }

    /** An order that could not even be read, or has no usable id. */
    public Outcome ingest(UnusableOrder source) {
        return notTakenIn.record(source);
    }

    public Outcome ingest(MiraklOrder source) {
        Order order;
        try {
            order = MiraklOrderMapper.toOrder(source);
        } catch (MalformedOrderException e) {
            return notTakenIn.record(UnusableOrder.of(source, e.reasons()));
        }
        String miraklState = source.orderState();
        Optional<OrderView> known = orders.find(order.orderId());
        if (known.isEmpty()) {
            return ingestNew(order, source);
        }
        OrderView view = known.get();
        if (view.state() == OrderState.NOT_TAKEN_IN) {
            return ingestCorrected(view, order, source);
        }
        if (view.executionName() == null && !view.state().isTerminal()) {
            // Recorded by an earlier fetch that stopped before starting the execution.
            startExecution(order.orderId());
        }
        if (!isNewer(source, view) || !orders.recordMiraklUpdate(order, miraklState, source.lastUpdatedDate(),
                !order.equals(view.order()))) {
            return Outcome.UNCHANGED;
        }
        record(order.orderId(), OperationStatus.OK, "Order update fetched: " + miraklState + " on Mirakl", source);
        if (MiraklOrderStates.isCancelled(miraklState)) {
            return cancellation.cancel(order.orderId(), miraklState, source.orderStateReasonCode())
                    ? Outcome.CANCELLED : Outcome.UPDATED;
        }
        progress.advance(order.orderId());
        return Outcome.UPDATED;
    }

    /**
     * Whether Mirakl's version is newer than the one recorded, as read: the fetches overlap, so most orders they
     * return are known already, and a conditional write DynamoDB refuses is billed too. The write's own condition
     * still decides when two fetches race. Of one second (Mirakl's dates are to the second: a cancellation can share
     * the acceptance's), the version further along Mirakl's order life is the newer.
     */
    private static boolean isNewer(MiraklOrder source, OrderView view) {
        return source.lastUpdatedDate() != null && (view.miraklUpdatedAt() == null
                || source.lastUpdatedDate().isAfter(view.miraklUpdatedAt())
                || source.lastUpdatedDate().equals(view.miraklUpdatedAt())
                        && MiraklOrderStates.statesBefore(source.orderState()).contains(view.miraklState()));
    }

    private Outcome ingestNew(Order order, MiraklOrder source) {
        String miraklState = source.orderState();
        if (!MiraklOrderStates.isKnown(miraklState)) {
            return notTakenIn.record(UnusableOrder.of(source, List.of(miraklState == null ? "no order_state"
                    : "order_state " + NotTakenIn.safeState(miraklState) + " is not one Shipbridge knows")));
        }
        if (MiraklOrderStates.isCancelled(miraklState) || MiraklOrderStates.isShippedOrLater(miraklState)) {
            record(order.orderId(), OperationStatus.SKIPPED, "Not taken in: first seen " + miraklState, source);
            return Outcome.IGNORED;
        }
        if (!orders.create(order, miraklState, source.lastUpdatedDate(), Actors.MIRAKL,
                "Order fetched from Mirakl (" + miraklState + ")")) {
            return Outcome.UNCHANGED; // A concurrent fetch created it first.
        }
        record(order.orderId(), OperationStatus.OK, "New order fetched: " + miraklState + " on Mirakl", source);
        startExecution(order.orderId());
        return Outcome.CREATED;
    }

    /**
     * A newer, now well-formed version of an order recorded as not taken in (still on Mirakl, not refused): taken in
     * now, as a new order would be. A refused or cancelled one ends CANCELLED; one already shipped is left.
     */
    private Outcome ingestCorrected(OrderView view, Order order, MiraklOrder source) {
        String miraklState = source.orderState();
        if (!isNewer(source, view) || !orders.recordMiraklUpdate(order, miraklState, source.lastUpdatedDate(),
                !order.equals(view.order()))) {
            return Outcome.UNCHANGED;
        }
        if (MiraklOrderStates.isCancelled(miraklState)) {
            return cancellation.cancel(order.orderId(), miraklState, source.orderStateReasonCode())
                    ? Outcome.CANCELLED : Outcome.UNCHANGED;
        }
        if (!MiraklOrderStates.isKnown(miraklState) || MiraklOrderStates.isShippedOrLater(miraklState)) {
            record(order.orderId(), OperationStatus.SKIPPED, "Corrected order not taken in: " + NotTakenIn
                    .safeState(miraklState) + " on Mirakl", source);
            return Outcome.IGNORED;
        }
        orders.transition(view, TransitionRequest.to(OrderState.PENDING_ACCEPTANCE, Actors.MIRAKL,
                "Corrected on Mirakl: taken in (" + miraklState + ")")
                .withDetails(Map.of("miraklState", miraklState, "lastUpdatedDate",
                        String.valueOf(source.lastUpdatedDate()))));
        record(order.orderId(), OperationStatus.OK, "Corrected order taken in: " + miraklState + " on Mirakl",
                source);
        startExecution(order.orderId());
        return Outcome.CREATED;
    }

    private void startExecution(String orderId) {
        String name = workflow.start(ExecutionInput.newOrder(orderId));
        orders.recordExecution(orderId, name);
    }

    private void record(String orderId, OperationStatus status, String message, MiraklOrder source) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("mirakl_state", String.valueOf(source.orderState()));
        meta.put("last_updated_date", String.valueOf(source.lastUpdatedDate()));
        operations.record(new OperationRecord(clock.instant(), "mirakl", "fetch_order", orderId, null, status,
                message, meta));
    }
}
