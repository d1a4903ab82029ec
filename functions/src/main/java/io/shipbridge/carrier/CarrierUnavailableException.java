package io.shipbridge.carrier;

/**
 * The carrier could not be reached, was throttling, answered with a server error or with something that is not its
 * API's answer (a proxy's error page): worth retrying later.
 */
public final class CarrierUnavailableException extends CarrierException {
    private static final long serialVersionUID = 1L;

    public CarrierUnavailableException(String carrier, String message, Throwable cause) {
        super(carrier, message, cause);
    }
}
