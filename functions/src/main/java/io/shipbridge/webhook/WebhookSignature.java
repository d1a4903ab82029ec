package io.shipbridge.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a webhook signed as the Standard Webhooks specification says: HMAC-SHA256 over
 * {@code id + "." + timestamp + "." + raw body}, base64, in {@code webhook-signature} as space-separated
 * {@code v1,<signature>} entries; the timestamp must be within five minutes of now, so a captured webhook cannot be
 * replayed later. Signatures are compared in constant time.
 */
public final class WebhookSignature {
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final Pattern UNIX_SECONDS = Pattern.compile("[0-9]{1,12}");

    private WebhookSignature() {
    }

    /** The headers that carry the signature, already read (names are case-insensitive in HTTP). */
    public record Headers(String id, String timestamp, String signature) {
    }

    /**
     * @throws WebhookRejectedException when the webhook is not authentic or not fresh, or its headers are not what
     *                                  the specification allows
     */
    public static void verify(Headers headers, byte[] body, List<byte[]> secrets, Instant now) {
        if (blank(headers.id()) || blank(headers.timestamp()) || blank(headers.signature())) {
            throw new WebhookRejectedException(RejectionReason.MISSING_HEADERS,
                    "missing webhook-id, webhook-timestamp or webhook-signature");
        }
        if (Stream.of(headers.id(), headers.timestamp(), headers.signature())
                .anyMatch(value -> value.length() > WebhookLimits.MAX_HEADER_CHARS)) {
            throw new WebhookRejectedException(RejectionReason.HEADER_TOO_LONG, "a webhook header is longer than "
                    + WebhookLimits.MAX_HEADER_CHARS + " characters");
        }
        String timestamp = headers.timestamp().trim();
        if (!UNIX_SECONDS.matcher(timestamp).matches()) {
            throw new WebhookRejectedException(RejectionReason.BAD_TIMESTAMP,
                    "webhook-timestamp is not a Unix time in seconds");
        }
        // Compared as numbers: a timestamp beyond the range of Instant is just as stale as one from last year.
        long sentAt = Long.parseLong(timestamp);
        long nowSeconds = now.getEpochSecond();
        if (sentAt < nowSeconds - TOLERANCE.toSeconds() || sentAt > nowSeconds + TOLERANCE.toSeconds()) {
            throw new WebhookRejectedException(RejectionReason.STALE_TIMESTAMP, "webhook-timestamp is more than 5"
                    + " minutes from now: a replay or a wrong clock");
        }
        byte[] signed = signedContent(headers.id(), timestamp, body);
        for (byte[] secret : secrets) {
            byte[] expected = hmac(secret, signed);
            for (String entry : headers.signature().trim().split(" +")) {
                if (entry.startsWith("v1,") && matches(expected, entry.substring(3))) {
                    return;
                }
            }
        }
        throw new WebhookRejectedException(RejectionReason.BAD_SIGNATURE, "signature does not match any active secret");
    }

    /** Signs as a sender does: the {@code webhook-signature} value for this id, timestamp and body. */
    public static String sign(byte[] secret, String id, long timestamp, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(hmac(secret, signedContent(id, Long.toString(timestamp),
                body)));
    }

    private static boolean matches(byte[] expected, String candidate) {
        byte[] given;
        try {
            given = Base64.getDecoder().decode(candidate);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return MessageDigest.isEqual(expected, given);
    }

    private static byte[] signedContent(String id, String timestamp, byte[] body) {
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, content, 0, prefix.length);
        System.arraycopy(body, 0, content, prefix.length, body.length);
        return content;
    }

    private static byte[] hmac(byte[] secret, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
