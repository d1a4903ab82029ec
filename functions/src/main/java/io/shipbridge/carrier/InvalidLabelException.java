package io.shipbridge.carrier;

/** The carrier's label is not a printable document: nothing is stored, and the step fails with the reason. */
public class InvalidLabelException extends CarrierRejectedException {
    private static final long serialVersionUID = 1L;

    public InvalidLabelException(String carrier, String message, Throwable cause) {
        super(carrier, message, cause);
    }
}
