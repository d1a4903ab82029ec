package io.shipbridge.webhook;

import io.shipbridge.carrier.MalformedWebhookException;
import io.shipbridge.carrier.TrackingEvent;
import io.shipbridge.carrier.WebhookFormat;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A webhook's body as API Gateway hands it over (text, or base64 when it is not text), held to the size limit
 * before anything reads it.
 */
public final class WebhookBody {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookBody.class);

    private final String body;
    private final boolean base64;

    public WebhookBody(String body, boolean base64) {
        this.body = body == null ? "" : body;
        this.base64 = base64;
    }

    /** The bytes the sender signed. */
    byte[] bytes() {
        byte[] bytes = decoded();
        if (bytes.length > WebhookLimits.MAX_BODY_BYTES) {
            throw new WebhookRejectedException(RejectionReason.BODY_TOO_LARGE, "body over "
                    + WebhookLimits.MAX_BODY_BYTES / 1024 + " KiB");
        }
        return bytes;
    }

    private byte[] decoded() {
        if (!base64) {
            return body.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new WebhookRejectedException(RejectionReason.BODY_NOT_DECODABLE, "base64 body does not decode");
        }
    }

    /** Reads the events of a body whose signature was verified; anything unreadable is the sender's fault. */
    static List<TrackingEvent> parse(WebhookFormat format, byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new WebhookRejectedException(RejectionReason.NOT_UTF8, "body is not UTF-8 text");
        }
        try {
            return format.parse(bytes);
        } catch (MalformedWebhookException e) {
            throw new WebhookRejectedException(RejectionReason.MALFORMED_BODY, e.getMessage());
        } catch (RuntimeException e) {
            // A parser that breaks on some input is our bug; the sender still gets a 400, not a 500 it would retry.
            LOG.error("Webhook body parser failed on a signed body", e);
            throw new WebhookRejectedException(RejectionReason.MALFORMED_BODY, "body could not be read");
        }
    }
}
