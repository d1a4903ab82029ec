package io.shipbridge.carrier;

/** A carrier call that did not do what was asked. */
public abstract class CarrierException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String carrier;

    protected CarrierException(String carrier, String message, Throwable cause) {
        super(carrier + ": " + message, cause);
        this.carrier = carrier;
    }

    public String carrier() {
        return carrier;
    }
}
