package io.shipbridge.storage;

import com.fasterxml.jackson.core.type.TypeReference;
import io.shipbridge.config.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's LastEvaluatedKey as a cursor a client passes back (base64url JSON of its text attributes), checked on
 * the way back so that a cursor can only name a key of the listing it came from, with exactly the attributes such
 * a key has (a tampered one would otherwise reach DynamoDB and fail there).
 */
final class PageCursor {
    private static final TypeReference<Map<String, String>> TEXT_MAP = new TypeReference<>() {
    };
    /** DynamoDB's limit for a sort key, in bytes; a cursor's values are far shorter. */
    private static final int MAX_KEY_LENGTH = 1024;
    private static final Set<String> KEY_ATTRIBUTES = Set.of(Keys.PK, Keys.SK, Keys.GSI1_PK, Keys.GSI1_SK);

    private PageCursor() {
    }

    static String encode(Map<String, AttributeValue> lastEvaluatedKey) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return null;
        }
        Map<String, String> key = new LinkedHashMap<>();
        lastEvaluatedKey.forEach((name, value) -> key.put(name, value.s()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(key).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param partition the partition attribute and value the listing reads: the cursor must be of it
     * @throws IllegalArgumentException for a cursor this listing did not give
     */
    static Map<String, AttributeValue> decode(String cursor, String partitionAttribute, String partition) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        Map<String, String> key;
        try {
            key = Json.read(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8), TEXT_MAP);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cursor is not one this listing gave");
        }
        Set<String> expected = partitionAttribute.equals(Keys.GSI1_PK) ? KEY_ATTRIBUTES : Set.of(Keys.PK, Keys.SK);
        if (key == null || !key.keySet().equals(expected) || !partition.equals(key.get(partitionAttribute))
                || key.values().stream().anyMatch(value -> value == null || value.isEmpty()
                        || value.length() > MAX_KEY_LENGTH)) {
            throw new IllegalArgumentException("cursor is not one this listing gave");
        }
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        key.forEach((name, value) -> values.put(name, AttributeValue.fromS(value)));
        return values;
    }
}
