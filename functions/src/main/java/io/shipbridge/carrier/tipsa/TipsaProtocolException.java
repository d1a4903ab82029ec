package io.shipbridge.carrier.tipsa;

import io.shipbridge.carrier.CarrierUnavailableException;

/**
 * TIPSA answered something that is not the SOAP response expected (an HTML error page, a truncated body...).
 * Treated as transient: such answers come from proxies and outages far more often than from a changed API.
 */
public class TipsaProtocolException extends CarrierUnavailableException {
    private static final long serialVersionUID = 1L;

    public TipsaProtocolException(String message, Throwable cause) {
        super("tipsa", message, cause);
    }
}
