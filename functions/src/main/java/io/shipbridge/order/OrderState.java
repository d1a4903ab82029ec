package io.shipbridge.order;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Shipbridge's internal order states (the seed documents' names) and the only moves allowed between them.
 *
 * <pre>
 * PENDING_ACCEPTANCE -OR21-> ACCEPTED -(Mirakl SHIPPING)-> PENDING_POST -carrier-> POSTED -> AWAITING_TRACKING
 *   -first scan-> TRACKED -OR23+OR24-> MIRAKL_OK -delivered-> COMPLETE
 * </pre>
 * Each step can fail into its FAILED_* state, which an operator retry moves back; CANCELLED is reachable from every
 * state before MIRAKL_OK, when Mirakl cancels or refuses the order.
 *
 * <p>NOT_TAKEN_IN is where an order Shipbridge cannot take in as Mirakl sent it starts instead of PENDING_ACCEPTANCE
 * (the reasons in its view and first history row): refused on Mirakl (or cancelled there) it becomes CANCELLED; a
 * corrected version from Mirakl moves it to PENDING_ACCEPTANCE and its fulfilment starts.
 */
public enum OrderState {
    PENDING_ACCEPTANCE(0),
    ACCEPTED(1),
    ACCEPTANCE_FAILED(-1),
    PENDING_POST(2),
    POSTED(3),
    FAILED_POST(-1),
    AWAITING_TRACKING(4),
    FAILED_TRACKING(-1),
    TRACKED(5),
    FAILED_PUSH(-1),
    MIRAKL_OK(6),
    COMPLETE(7),
    CANCELLED(-1),
    NOT_TAKEN_IN(-1);

    private static final Map<OrderState, EnumSet<OrderState>> NEXT = new EnumMap<>(OrderState.class);

    static {
        allow(PENDING_ACCEPTANCE, ACCEPTED, ACCEPTANCE_FAILED);
        allow(ACCEPTED, PENDING_POST, ACCEPTANCE_FAILED);
        allow(ACCEPTANCE_FAILED, PENDING_ACCEPTANCE, ACCEPTED);
        allow(PENDING_POST, POSTED, FAILED_POST);
        // FAILED_TRACKING from POSTED: the wait for the first scan failed before it could register.
        allow(POSTED, AWAITING_TRACKING, FAILED_POST, FAILED_TRACKING);
        allow(FAILED_POST, PENDING_POST, POSTED);
        allow(AWAITING_TRACKING, TRACKED, FAILED_TRACKING);
        allow(FAILED_TRACKING, AWAITING_TRACKING, POSTED);
        allow(TRACKED, MIRAKL_OK, FAILED_PUSH);
        allow(FAILED_PUSH, TRACKED);
        allow(MIRAKL_OK, COMPLETE);
        allow(COMPLETE);
        allow(CANCELLED);
        allow(NOT_TAKEN_IN, PENDING_ACCEPTANCE);
        for (OrderState state : values()) {
            if (state.isCancellable()) {
                NEXT.get(state).add(CANCELLED);
            }
        }
    }

    /** Position on the happy path; -1 for states off it (failures and cancellation). */
    private final int progress;

    OrderState(int progress) {
        this.progress = progress;
    }

    private static void allow(OrderState from, OrderState... to) {
        EnumSet<OrderState> targets = EnumSet.noneOf(OrderState.class);
        targets.addAll(Set.of(to));
        NEXT.put(from, targets);
    }

    public boolean canMoveTo(OrderState target) {
        return NEXT.get(this).contains(target);
    }

    public Set<OrderState> nextStates() {
        return EnumSet.copyOf(NEXT.get(this));
    }

    public boolean isTerminal() {
        return this == COMPLETE || this == CANCELLED;
    }

    public boolean isFailure() {
        return name().startsWith("FAILED_") || this == ACCEPTANCE_FAILED;
    }

    /** Mirakl can still cancel the order: it has not been confirmed as shipped there. */
    public boolean isCancellable() {
        return !isTerminal() && this != MIRAKL_OK;
    }

    /** True when this state is {@code milestone} or further along the happy path. */
    public boolean hasReached(OrderState milestone) {
        if (milestone.progress < 0) {
            throw new IllegalArgumentException(milestone + " is not a milestone of the happy path");
        }
        return progress >= milestone.progress;
    }
}
