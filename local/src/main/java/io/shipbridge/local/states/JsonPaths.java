package io.shipbridge.local.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSONPath as Amazon States Language uses it: paths ({@code $.order.lines[0]}, {@code $$.Task.Token}) are read with
 * Jayway JsonPath; reference paths (ResultPath) are written here, creating the objects they go through.
 */
final class JsonPaths {
    private static final Configuration JACKSON = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider())
            .mappingProvider(new JacksonMappingProvider())
            .build();
    private static final Pattern SEGMENT = Pattern.compile("\\.([A-Za-z_$][\\w$-]*)|\\['([^']*)'\\]|\\[(\\d+)\\]");

    private JsonPaths() {
    }

    /** Reads {@code path} from the data ({@code $...}) or the context object ({@code $$...}). */
    static JsonNode read(String path, JsonNode data, JsonNode context) {
        boolean fromContext = path.startsWith("$$");
        JsonNode document = fromContext ? context : data;
        String jsonPath = fromContext ? path.substring(1) : path;
        if (!jsonPath.startsWith("$")) {
            throw StatesError.runtime("'" + path + "' is not a JSONPath");
        }
        if (jsonPath.equals("$")) {
            return document;
        }
        try {
            JsonNode found = JsonPath.using(JACKSON).parse(document.deepCopy()).read(jsonPath);
            return found == null ? NullNode.getInstance() : found;
        } catch (PathNotFoundException e) {
            throw new StatesError(StatesError.RUNTIME, "The JSONPath '" + path + "' could not be found in the input "
                    + abbreviate(document));
        } catch (InvalidPathException e) {
            throw StatesError.runtime("Invalid JSONPath '" + path + "': " + e.getMessage());
        }
    }

    /**
     * Places {@code value} in {@code target} at a reference path: {@code $} replaces the whole, {@code $.a.b} sets
     * field b of object a (created when missing), {@code $.list[2]} an array element.
     */
    static JsonNode write(JsonNode target, String referencePath, JsonNode value) {
        if (referencePath.equals("$")) {
            return value;
        }
        if (!referencePath.startsWith("$")) {
            throw StatesError.runtime("'" + referencePath + "' is not a reference path");
        }
        List<Object> segments = segments(referencePath);
        JsonNode root = target != null && target.isContainerNode() ? target.deepCopy()
                : segments.get(0) instanceof Integer ? JsonNodeFactory.instance.arrayNode()
                : JsonNodeFactory.instance.objectNode();
        JsonNode parent = root;
        for (int i = 0; i < segments.size() - 1; i++) {
            parent = child(parent, segments.get(i), segments.get(i + 1) instanceof Integer, referencePath);
        }
        set(parent, segments.get(segments.size() - 1), value, referencePath);
        return root;
    }

    private static JsonNode child(JsonNode parent, Object segment, boolean nextIsIndex, String path) {
        if (segment instanceof String field) {
            if (!(parent instanceof ObjectNode object)) {
                throw new StatesError(StatesError.RESULT_PATH_MATCH_FAILURE, "'" + path + "' goes through a "
                        + parent.getNodeType() + " where an object is needed");
            }
            JsonNode existing = object.get(field);
            if (existing == null || !existing.isContainerNode()) {
                existing = nextIsIndex ? object.putArray(field) : object.putObject(field);
            }
            return existing;
        }
        int index = (Integer) segment;
        if (!(parent instanceof ArrayNode array) || index >= array.size()) {
            throw new StatesError(StatesError.RESULT_PATH_MATCH_FAILURE, "'" + path + "' names an array element that"
                    + " does not exist");
        }
        return array.get(index);
    }

    private static void set(JsonNode parent, Object segment, JsonNode value, String path) {
        if (segment instanceof String field && parent instanceof ObjectNode object) {
            object.set(field, value);
        } else if (segment instanceof Integer index && parent instanceof ArrayNode array && index < array.size()) {
            array.set(index, value);
        } else {
            throw new StatesError(StatesError.RESULT_PATH_MATCH_FAILURE, "Cannot write at '" + path + "'");
        }
    }

    private static List<Object> segments(String referencePath) {
        List<Object> segments = new ArrayList<>();
        Matcher matcher = SEGMENT.matcher(referencePath);
        int position = 1;
        while (position < referencePath.length()) {
            if (!matcher.find(position) || matcher.start() != position) {
                throw StatesError.runtime("'" + referencePath + "' is not a reference path (only .field, ['field']"
                        + " and [index] steps are)");
            }
            if (matcher.group(1) != null) {
                segments.add(matcher.group(1));
            } else if (matcher.group(2) != null) {
                segments.add(matcher.group(2));
            } else {
                segments.add(Integer.parseInt(matcher.group(3)));
            }
            position = matcher.end();
        }
        if (segments.isEmpty()) {
            throw StatesError.runtime("'" + referencePath + "' is not a reference path");
        }
        return segments;
    }

    static String abbreviate(JsonNode node) {
        String text = String.valueOf(node);
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
