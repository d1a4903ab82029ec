package io.shipbridge.webhook;

/**
 * A webhook refused before anything was queued. The message is Shipbridge's own words (never the sender's text), so
 * it can be answered, logged and counted.
 */
public class WebhookRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final RejectionReason reason;

    public WebhookRejectedException(RejectionReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RejectionReason reason() {
        return reason;
    }

    public int statusCode() {
        return reason.statusCode();
    }
}
