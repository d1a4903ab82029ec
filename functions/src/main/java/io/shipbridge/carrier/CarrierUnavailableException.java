package io.shipbridge.carrier;

/** The carrier could not be reached or answered with a server error: worth retrying later. */
public class CarrierUnavailableException extends CarrierException {
    private static final long serialVersionUID = 1L;

    public CarrierUnavailableException(String carrier, String message, Throwable cause) {
        super(carrier, message, cause);
    }
}
