package io.shipbridge.fulfilment;

/**
 * A passing fault lasted longer than the recovery window: the order stops retrying and fails, with the last error as
 * part of the reason. Its class name is the error the state machine catches.
 */
public class RecoveryExhaustedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RecoveryExhaustedException(String message) {
        super(message);
    }
}
