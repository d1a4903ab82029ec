package io.shipbridge.selection;

import java.util.List;

/** No rule places this order with an available carrier. The order fails with the reasons; other orders go on. */
public class NoCarrierAvailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NoCarrierAvailableException(String orderId, String why, List<String> trace) {
        super("No carrier for order " + orderId + ": " + why + (trace.isEmpty() ? "" : " [" + String.join("; ", trace)
                + "]"));
    }
}
