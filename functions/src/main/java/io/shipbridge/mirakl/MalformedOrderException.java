package io.shipbridge.mirakl;

import java.util.List;

/**
 * An order from Mirakl that cannot be used as it is (no lines, a line without SKU, an absurd quantity...), with
 * every reason found. The reasons name fields and limits, never a customer's data.
 */
public class MalformedOrderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> reasons;

    public MalformedOrderException(String message) {
        this(List.of(message));
    }

    public MalformedOrderException(List<String> reasons) {
        super(String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
