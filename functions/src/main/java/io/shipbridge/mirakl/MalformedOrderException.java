package io.shipbridge.mirakl;

/** An order from Mirakl that cannot be used as it is (no id, no lines, a line without SKU...). */
public class MalformedOrderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedOrderException(String message) {
        super(message);
    }
}
