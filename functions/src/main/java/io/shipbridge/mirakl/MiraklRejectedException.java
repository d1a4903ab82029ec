package io.shipbridge.mirakl;

/** Mirakl refused the request as invalid (400, or the order is not in a state that allows it). Not retried. */
public class MiraklRejectedException extends MiraklException {
    private static final long serialVersionUID = 1L;

    public MiraklRejectedException(String message, int httpStatus) {
        super(message, httpStatus, null);
    }
}
