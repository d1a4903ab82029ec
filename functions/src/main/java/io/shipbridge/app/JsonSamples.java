package io.shipbridge.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON document shaped like a type, every field filled (a string, a date, a number, one element per list): reading
 * it and writing the value back takes Jackson's whole way for that type, nested types included, as a first request
 * would. A type whose constructor refuses the sample's values is still half-way primed (its deserializers are built).
 */
final class JsonSamples {
    private static final int DEPTH = 5;

    private JsonSamples() {
    }

    /**
     * Reads a sample of {@code type} and writes it back; false when the type refused the sample (its deserializers
     * are built all the same).
     */
    @SuppressWarnings("deprecation") // canDeserialize: the way to build a type's deserializers without a document
    static boolean roundTrip(Class<?> type) {
        try {
            Object value = Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(of(type)), type);
            Json.MAPPER.writeValueAsString(value);
            return true;
        } catch (java.io.IOException | RuntimeException refused) {
            Json.MAPPER.canDeserialize(Json.MAPPER.constructType(type));
            return false;
        }
    }

    static JsonNode of(Type type) {
        return of(type, 0);
    }

    private static JsonNode of(Type type, int depth) {
        Class<?> raw = raw(type);
        if (raw == String.class || raw == Object.class || raw == CharSequence.class) {
            return Json.MAPPER.getNodeFactory().textNode("priming");
        }
        if (raw == Instant.class || raw == OffsetDateTime.class || raw == ZonedDateTime.class) {
            return Json.MAPPER.getNodeFactory().textNode("2026-01-02T03:04:05Z");
        }
        if (raw == LocalDate.class) {
            return Json.MAPPER.getNodeFactory().textNode("2026-01-02");
        }
        if (raw == LocalTime.class) {
            return Json.MAPPER.getNodeFactory().textNode("10:30");
        }
        if (raw == Duration.class) {
            return Json.MAPPER.getNodeFactory().textNode("PT1M");
        }
        if (raw == BigDecimal.class || raw == double.class || raw == Double.class || raw == float.class
                || raw == Float.class) {
            return Json.MAPPER.getNodeFactory().numberNode(new BigDecimal("1.25"));
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class || raw == short.class
                || raw == Short.class) {
            return Json.MAPPER.getNodeFactory().numberNode(1);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return Json.MAPPER.getNodeFactory().booleanNode(true);
        }
        if (raw.isEnum() && raw.getEnumConstants().length > 0) {
            return Json.MAPPER.valueToTree(raw.getEnumConstants()[0]);
        }
        if (JsonNode.class.isAssignableFrom(raw) || depth >= DEPTH) {
            return Json.MAPPER.createObjectNode();
        }
        if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            ArrayNode list = Json.MAPPER.createArrayNode();
            list.add(of(raw.isArray() ? raw.getComponentType() : argument(type, 0), depth + 1));
            return list;
        }
        if (Map.class.isAssignableFrom(raw)) {
            ObjectNode map = Json.MAPPER.createObjectNode();
            Class<?> key = raw(argument(type, 0));
            map.set(key.isEnum() && key.getEnumConstants().length > 0
                    ? Json.MAPPER.valueToTree(key.getEnumConstants()[0]).asText() : "priming",
                    of(argument(type, 1), depth + 1));
            return map;
        }
        if (raw == Optional.class) {
            return of(argument(type, 0), depth + 1);
        }
        ObjectNode object = Json.MAPPER.createObjectNode();
        if (raw.isRecord()) {
            for (RecordComponent component : raw.getRecordComponents()) {
                object.set(component.getName(), of(component.getGenericType(), depth + 1));
            }
        }
        return object;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : Object.class;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index
                ? p.getActualTypeArguments()[index] : Object.class;
    }
}
