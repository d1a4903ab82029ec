package io.shipbridge.carrier;

/** The carrier refused the request (bad data, bad credentials, unknown shipment): retrying will not help. */
public class CarrierRejectedException extends CarrierException {
    private static final long serialVersionUID = 1L;

    public CarrierRejectedException(String carrier, String message, Throwable cause) {
        super(carrier, message, cause);
    }
}
