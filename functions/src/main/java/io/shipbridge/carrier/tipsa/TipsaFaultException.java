package io.shipbridge.carrier.tipsa;

import io.shipbridge.carrier.CarrierRejectedException;

/** TIPSA answered a SOAP Fault: it refused the request (invalid data, no permission, unknown shipment...). */
public class TipsaFaultException extends CarrierRejectedException {
    private static final long serialVersionUID = 1L;

    private final String faultCode;
    private final String faultString;

    public TipsaFaultException(String faultCode, String faultString) {
        super("tipsa", "SOAP fault " + faultCode + ": " + faultString, null);
        this.faultCode = faultCode;
        this.faultString = faultString;
    }

    public String faultCode() {
        return faultCode;
    }

    public String faultString() {
        return faultString;
    }

    /** TIPSA sessions expire (about 15 minutes): such a fault is cured by logging in again. */
    public boolean isSessionProblem() {
        String text = faultString == null ? "" : faultString.toLowerCase(java.util.Locale.ROOT);
        return text.contains("session") || text.contains("sesion") || text.contains("sesión");
    }
}
