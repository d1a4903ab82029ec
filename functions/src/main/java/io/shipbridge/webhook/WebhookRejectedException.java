package io.shipbridge.webhook;

/** A webhook refused before anything was queued, with the HTTP status to answer. */
public class WebhookRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int statusCode;

    public WebhookRejectedException(int statusCode, String message) {
        super(message);
        this.statusCode = statusCode;
    }

    public int statusCode() {
        return statusCode;
    }
}
