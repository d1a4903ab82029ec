package io.shipbridge.webhook;

import java.util.Locale;

/**
 * Why a webhook was refused: the HTTP status answered and the metric's {@code Reason} dimension. A reason found
 * after the signature was verified ({@link #afterSignature}) can only come from a sender holding the secret: a
 * carrier whose body Shipbridge cannot read, worth an alarm; the others anyone on the internet can cause.
 */
public enum RejectionReason {
    UNKNOWN_CARRIER(404, false),
    WEBHOOKS_NOT_ENABLED(404, false),
    BODY_TOO_LARGE(413, false),
    BODY_NOT_DECODABLE(400, false),
    MISSING_HEADERS(401, false),
    HEADER_TOO_LONG(400, false),
    BAD_TIMESTAMP(401, false),
    STALE_TIMESTAMP(401, false),
    BAD_SIGNATURE(401, false),
    NOT_UTF8(400, true),
    MALFORMED_BODY(400, true),
    TOO_MANY_EVENTS(413, true),
    FIELD_TOO_LONG(400, true),
    FIELD_NOT_PRINTABLE(400, true),
    IMPLAUSIBLE_DATE(400, true);

    private final int statusCode;
    private final boolean afterSignature;

    RejectionReason(int statusCode, boolean afterSignature) {
        this.statusCode = statusCode;
        this.afterSignature = afterSignature;
    }

    public int statusCode() {
        return statusCode;
    }

    public boolean afterSignature() {
        return afterSignature;
    }

    /** The metric dimension's value, e.g. {@code bad_signature}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
