package io.shipbridge.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.config.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The active signing secrets of each carrier's webhooks: at most two, so a secret can be rotated without refusing
 * webhooks signed with the old one. Secrets in the Standard Webhooks form {@code whsec_<base64>} are decoded; any
 * other text is used as its UTF-8 bytes.
 *
 * <p>A malformed value is refused with a message that says where (carrier, position) and what is wrong, never the
 * value nor the parser's own message, which quotes the text it stumbled on; no cause is kept, for the same reason.
 */
public final class WebhookSecrets {
    private static final int MAX_ACTIVE = 2;
    private static final String PREFIX = "whsec_";

    private final Map<String, List<byte[]>> byCarrier;

    private WebhookSecrets(Map<String, List<byte[]>> byCarrier) {
        this.byCarrier = byCarrier;
    }

    /** Reads {@code {"tipsa": ["whsec_...", "whsec_..."]}}; an empty value enables no carrier's webhooks. */
    public static WebhookSecrets parse(String json) {
        if (json == null || json.isBlank()) {
            return new WebhookSecrets(Map.of());
        }
        JsonNode root = tree(json);
        if (!root.isObject()) {
            throw malformed("is not a JSON object of carrier to list of secrets, e.g. {\"tipsa\": [\"whsec_...\"]}");
        }
        Map<String, List<byte[]>> decoded = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            decoded.put(entry.getKey(), keys(entry.getKey(), entry.getValue()));
        }
        return new WebhookSecrets(decoded);
    }

    public List<byte[]> of(String carrier) {
        return byCarrier.getOrDefault(carrier, List.of());
    }

    private static JsonNode tree(String json) {
        try {
            JsonNode root = Json.MAPPER.readTree(json);
            if (root != null) {
                return root;
            }
        } catch (IOException unreadable) {
            // the parser's message quotes the text: reported below without it
        }
        throw malformed("is not valid JSON");
    }

    private static List<byte[]> keys(String carrier, JsonNode secrets) {
        String where = "entry '" + printable(carrier) + "'";
        if (!secrets.isArray()) {
            throw malformed(where + " is not a list of secrets (write [\"whsec_...\"])");
        }
        if (secrets.size() > MAX_ACTIVE) {
            throw malformed(where + " has " + secrets.size() + " secrets; at most " + MAX_ACTIVE
                    + " may be active");
        }
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < secrets.size(); i++) {
            keys.add(decode(where + ", secret " + (i + 1), secrets.get(i)));
        }
        return List.copyOf(keys);
    }

    private static byte[] decode(String where, JsonNode secret) {
        if (!secret.isTextual() || secret.asText().isBlank()) {
            throw malformed(where + " is not a non-empty text");
        }
        String text = secret.asText();
        if (!text.startsWith(PREFIX)) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.substring(PREFIX.length()));
        } catch (IllegalArgumentException notBase64) {
            throw malformed(where + " starts with whsec_ but the rest is not base64");
        }
        if (key.length == 0) {
            throw malformed(where + " is whsec_ with no key after it");
        }
        return key;
    }

    /** A carrier name as written in the secret, shortened and stripped of anything that is not plainly printable. */
    private static String printable(String text) {
        String clean = text.replaceAll("[^A-Za-z0-9_.-]", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "..." : clean;
    }

    private static IllegalStateException malformed(String problem) {
        return new IllegalStateException("The webhook signing secret " + problem + " (README, Carrier webhooks)");
    }
}
