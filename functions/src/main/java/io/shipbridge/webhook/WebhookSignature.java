package io.shipbridge.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
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

    private WebhookSignature() {
    }

    /** The headers that carry the signature, already read (names are case-insensitive in HTTP). */
    public record Headers(String id, String timestamp, String signature) {
    }

    /** @throws WebhookRejectedException with 401 when the webhook is not authentic or not fresh */
    public static void verify(Headers headers, byte[] body, List<byte[]> secrets, Instant now) {
        if (blank(headers.id()) || blank(headers.timestamp()) || blank(headers.signature())) {
            throw new WebhookRejectedException(401, "missing webhook-id, webhook-timestamp or webhook-signature");
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(headers.timestamp().trim());
        } catch (NumberFormatException e) {
            throw new WebhookRejectedException(401, "webhook-timestamp is not a Unix time");
        }
        if (Duration.between(Instant.ofEpochSecond(sentAt), now).abs().compareTo(TOLERANCE) > 0) {
            throw new WebhookRejectedException(401, "webhook-timestamp is more than 5 minutes from now: a replay or a"
                    + " wrong clock");
        }
        byte[] signed = signedContent(headers.id(), headers.timestamp().trim(), body);
        for (byte[] secret : secrets) {
            byte[] expected = hmac(secret, signed);
            for (String entry : headers.signature().trim().split(" +")) {
                if (entry.startsWith("v1,") && matches(expected, entry.substring(3))) {
                    return;
                }
            }
        }
        throw new WebhookRejectedException(401, "signature does not match any active secret");
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
