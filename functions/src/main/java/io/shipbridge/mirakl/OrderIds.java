package io.shipbridge.mirakl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Whether an id from Mirakl can key a record: present, at most {@value #MAX_LENGTH} characters, no control or
 * format characters and no surrounding blanks. Spaces, slashes and letters of any script inside are fine: ids go
 * into paths encoded, and the execution name is made safe separately.
 */
public final class OrderIds {
    public static final int MAX_LENGTH = 100;

    private OrderIds() {
    }

    /** Why the id cannot be used, or empty when it can. */
    public static Optional<String> problem(String id) {
        if (id == null || id.isBlank()) {
            return Optional.of("no order_id");
        }
        if (id.length() > MAX_LENGTH) {
            return Optional.of("order_id longer than " + MAX_LENGTH + " characters (" + id.length() + ")");
        }
        if (!id.strip().equals(id)) {
            return Optional.of("order_id with leading or trailing blanks");
        }
        if (hasControlCharacters(id)) {
            return Optional.of("order_id with control characters");
        }
        return Optional.empty();
    }

    public static boolean isUsable(String id) {
        return problem(id).isEmpty();
    }

    /** Control (Cc), format (Cf, e.g. bidi overrides), unassigned or surrogate-pair-broken characters. */
    public static boolean hasControlCharacters(String text) {
        return text.codePoints().anyMatch(c -> {
            int type = Character.getType(c);
            return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
        });
    }

    /**
     * A short digest of an unusable id, to tell two of them apart in logs without writing the id itself (it may be
     * anything: control characters, megabytes, a customer's data).
     */
    public static String fingerprint(String id) {
        if (id == null) {
            return "none";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
