package io.shipbridge.webhook;

import com.fasterxml.jackson.core.type.TypeReference;
import io.shipbridge.config.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The active signing secrets of each carrier's webhooks: at most two, so a secret can be rotated without refusing
 * webhooks signed with the old one. Secrets in the Standard Webhooks form {@code whsec_<base64>} are decoded; any
 * other text is used as its UTF-8 bytes.
 */
public final class WebhookSecrets {
    private static final int MAX_ACTIVE = 2;

    private final Map<String, List<byte[]>> byCarrier;

    private WebhookSecrets(Map<String, List<byte[]>> byCarrier) {
        this.byCarrier = byCarrier;
    }

    /** Reads {@code {"tipsa": ["whsec_...", "whsec_..."]}}. */
    public static WebhookSecrets parse(String json) {
        Map<String, List<String>> raw = json == null || json.isBlank() ? Map.of()
                : Json.read(json, new TypeReference<Map<String, List<String>>>() {
                });
        Map<String, List<byte[]>> decoded = new HashMap<>();
        raw.forEach((carrier, secrets) -> {
            if (secrets.size() > MAX_ACTIVE) {
                throw new IllegalStateException("Carrier " + carrier + " has " + secrets.size()
                        + " webhook secrets; at most " + MAX_ACTIVE + " may be active");
            }
            List<byte[]> keys = new ArrayList<>();
            secrets.forEach(secret -> keys.add(decode(secret)));
            decoded.put(carrier, List.copyOf(keys));
        });
        return new WebhookSecrets(decoded);
    }

    public List<byte[]> of(String carrier) {
        return byCarrier.getOrDefault(carrier, List.of());
    }

    private static byte[] decode(String secret) {
        if (secret.startsWith("whsec_")) {
            return Base64.getDecoder().decode(secret.substring("whsec_".length()));
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}
