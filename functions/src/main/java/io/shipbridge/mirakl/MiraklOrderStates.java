package io.shipbridge.mirakl;

import java.util.List;
import java.util.Set;

/**
 * Mirakl order states Shipbridge acts on. The list is open: any other value is carried as text and ignored for a known
 * order; a new order first seen in one is not taken in.
 */
public final class MiraklOrderStates {
    public static final String WAITING_ACCEPTANCE = "WAITING_ACCEPTANCE";
    public static final String WAITING_DEBIT = "WAITING_DEBIT";
    public static final String WAITING_DEBIT_PAYMENT = "WAITING_DEBIT_PAYMENT";
    public static final String SHIPPING = "SHIPPING";
    public static final String SHIPPED = "SHIPPED";
    public static final String TO_COLLECT = "TO_COLLECT";
    public static final String RECEIVED = "RECEIVED";
    public static final String CLOSED = "CLOSED";
    public static final String CANCELED = "CANCELED";
    public static final String REFUSED = "REFUSED";

    /** The states OR11 is asked for: new orders, orders to ship, and orders that ended before shipping. */
    public static final List<String> FETCHED = List.of(WAITING_ACCEPTANCE, WAITING_DEBIT, WAITING_DEBIT_PAYMENT,
            SHIPPING, CANCELED, REFUSED);

    private static final Set<String> KNOWN = Set.of("STAGING", WAITING_ACCEPTANCE, WAITING_DEBIT,
            WAITING_DEBIT_PAYMENT, SHIPPING, SHIPPED, TO_COLLECT, RECEIVED, CLOSED, CANCELED, REFUSED);
    private static final Set<String> ACCEPTED_OR_LATER = Set.of(WAITING_DEBIT, WAITING_DEBIT_PAYMENT, SHIPPING,
            SHIPPED, TO_COLLECT, RECEIVED, CLOSED);
    private static final Set<String> SHIPPED_OR_LATER = Set.of(SHIPPED, TO_COLLECT, RECEIVED, CLOSED);
    /** An order's life on Mirakl, each state after those before it; CANCELED and REFUSED end it early. */
    private static final List<String> LIFE = List.of("STAGING", WAITING_ACCEPTANCE, WAITING_DEBIT,
            WAITING_DEBIT_PAYMENT, SHIPPING, SHIPPED, TO_COLLECT, RECEIVED, CLOSED);

    private MiraklOrderStates() {
    }

    /** A state Mirakl documents. A new order in any other is not taken in: Shipbridge would not know what to do. */
    public static boolean isKnown(String state) {
        return state != null && KNOWN.contains(state);
    }

    public static boolean isAcceptedOrLater(String state) {
        return ACCEPTED_OR_LATER.contains(state);
    }

    public static boolean isShippedOrLater(String state) {
        return SHIPPED_OR_LATER.contains(state);
    }

    public static boolean isCancelled(String state) {
        return CANCELED.equals(state) || REFUSED.equals(state);
    }

    /**
     * The states an order can be in before Mirakl moves it to {@code state}: Mirakl's dates are to the second, so two
     * versions of one second are told apart by these (empty for a state Mirakl never moves an order to).
     */
    public static List<String> statesBefore(String state) {
        if (CANCELED.equals(state)) {
            return LIFE.subList(0, LIFE.indexOf(SHIPPED));
        }
        if (REFUSED.equals(state)) {
            return LIFE.subList(0, LIFE.indexOf(WAITING_DEBIT));
        }
        int position = LIFE.indexOf(state);
        return position < 0 ? List.of() : LIFE.subList(0, position);
    }
}
