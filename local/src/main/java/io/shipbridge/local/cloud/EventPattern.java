package io.shipbridge.local.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An EventBridge event pattern, as rules match events: every field of the pattern must match, an array of values
 * matches when any value or content filter in it does. The content filters emulated are {@code prefix},
 * {@code suffix} and {@code exists}; any other makes the pattern unsupported, reported at start-up.
 */
public final class EventPattern {
    private static final Set<String> FILTERS = Set.of("prefix", "suffix", "exists");

    private final JsonNode pattern;

    /** @param pattern the pattern, its intrinsic functions resolved */
    public EventPattern(JsonNode pattern) {
        this.pattern = pattern;
        String unsupported = unsupported(pattern);
        if (unsupported != null) {
            throw new UnsupportedOperationException("event pattern content filter '" + unsupported + "'");
        }
    }

    /**
     * The object key prefixes the pattern limits S3 events to ({@code detail.object.key: [{"prefix": ...}]}), or
     * empty when it may match any key: a bucket need only be looked at under these.
     */
    Optional<List<String>> keyPrefixes() {
        JsonNode keys = pattern.path("detail").path("object").path("key");
        List<String> prefixes = new ArrayList<>();
        for (JsonNode candidate : keys) {
            if (!candidate.has("prefix")) {
                return Optional.empty();
            }
            prefixes.add(candidate.get("prefix").asText());
        }
        return prefixes.isEmpty() ? Optional.empty() : Optional.of(prefixes);
    }

    public boolean matches(JsonNode event) {
        return matches(pattern, event);
    }

    private static boolean matches(JsonNode pattern, JsonNode event) {
        Iterator<Map.Entry<String, JsonNode>> fields = pattern.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = event == null ? null : event.get(field.getKey());
            boolean ok = field.getValue().isObject() ? value != null && matches(field.getValue(), value)
                    : anyMatches(field.getValue(), value);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyMatches(JsonNode candidates, JsonNode value) {
        for (JsonNode candidate : candidates) {
            if (candidate.isObject()) {
                if (candidate.has("exists") && candidate.get("exists").asBoolean() == (value != null)) {
                    return true;
                }
                if (value != null && value.isTextual() && (candidate.has("prefix")
                        && value.asText().startsWith(candidate.get("prefix").asText()) || candidate.has("suffix")
                        && value.asText().endsWith(candidate.get("suffix").asText()))) {
                    return true;
                }
            } else if (value != null && candidate.asText().equals(value.asText())) {
                return true;
            }
        }
        return false;
    }

    private static String unsupported(JsonNode node) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String found = unsupported(field.getValue());
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                if (item.isObject()) {
                    for (Iterator<String> names = item.fieldNames(); names.hasNext(); ) {
                        String name = names.next();
                        if (!FILTERS.contains(name)) {
                            return name;
                        }
                    }
                }
            }
        }
        return null;
    }
}
