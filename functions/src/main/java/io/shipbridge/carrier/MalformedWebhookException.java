package io.shipbridge.carrier;

/** A webhook body that is not JSON, or not the shape the carrier's webhooks have. */
public class MalformedWebhookException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedWebhookException(String message, Throwable cause) {
        super(message, cause);
    }
}
