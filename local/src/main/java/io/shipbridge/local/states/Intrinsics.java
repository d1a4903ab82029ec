package io.shipbridge.local.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.shipbridge.config.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The intrinsic functions of Amazon States Language ({@code States.Format('{} kg', $.weight)} and the others of the
 * specification), evaluated against the state's data and context object. A call that cannot be evaluated fails with
 * {@code States.IntrinsicFailure}, as in AWS.
 */
final class Intrinsics {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> HASHES = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

    private final String text;
    private final JsonNode data;
    private final JsonNode context;
    private int position;

    private Intrinsics(String text, JsonNode data, JsonNode context) {
        this.text = text;
        this.data = data;
        this.context = context;
    }

    static boolean isCall(String value) {
        return value.startsWith("States.");
    }

    static JsonNode evaluate(String expression, JsonNode data, JsonNode context) {
        Intrinsics parser = new Intrinsics(expression.trim(), data, context);
        JsonNode result = parser.call();
        parser.skipSpaces();
        if (parser.position != parser.text.length()) {
            throw failure("Unexpected text after the intrinsic call in '" + expression + "'");
        }
        return result;
    }

    private JsonNode call() {
        int nameStart = position;
        while (position < text.length() && (Character.isLetterOrDigit(text.charAt(position))
                || text.charAt(position) == '.')) {
            position++;
        }
        String name = text.substring(nameStart, position);
        expect('(');
        List<JsonNode> args = new ArrayList<>();
        skipSpaces();
        if (peek() != ')') {
            do {
                skipSpaces();
                args.add(argument());
                skipSpaces();
            } while (accept(','));
        }
        expect(')');
        return apply(name, args);
    }

    private JsonNode argument() {
        char c = peek();
        if (c == '\'') {
            return TextNode.valueOf(string());
        }
        if (c == '$') {
            return JsonPaths.read(path(), data, context);
        }
        if (text.startsWith("States.", position)) {
            return call();
        }
        int start = position;
        while (position < text.length() && peek() != ',' && peek() != ')') {
            position++;
        }
        String literal = text.substring(start, position).trim();
        try {
            return Json.MAPPER.readTree(literal);
        } catch (Exception e) {
            throw failure("Cannot read the argument '" + literal + "'");
        }
    }

    private String string() {
        expect('\'');
        StringBuilder value = new StringBuilder();
        while (position < text.length() && peek() != '\'') {
            char c = text.charAt(position++);
            if (c == '\\' && position < text.length()) {
                char escaped = text.charAt(position++);
                // \{ and \} stay escaped: States.Format tells them from placeholders.
                value.append(escaped == '{' || escaped == '}' ? "\\" + escaped : String.valueOf(escaped));
            } else {
                value.append(c);
            }
        }
        expect('\'');
        return value.toString();
    }

    private String path() {
        int start = position;
        int brackets = 0;
        while (position < text.length()) {
            char c = peek();
            if (c == '[') {
                brackets++;
            } else if (c == ']') {
                brackets--;
            } else if (brackets == 0 && (c == ',' || c == ')')) {
                break;
            }
            position++;
        }
        return text.substring(start, position).trim();
    }

    private JsonNode apply(String name, List<JsonNode> args) {
        return switch (name) {
            case "States.Format" -> format(args);
            case "States.StringToJson" -> parse(textArg(args, 0, name));
            case "States.JsonToString" -> TextNode.valueOf(arg(args, 0, name).toString());
            case "States.Array" -> JSON.arrayNode().addAll(args);
            case "States.ArrayPartition" -> partition(array(args, 0, name), integer(args, 1, name));
            case "States.ArrayContains" -> BooleanNode.valueOf(contains(array(args, 0, name), arg(args, 1, name)));
            case "States.ArrayRange" -> range(integer(args, 0, name), integer(args, 1, name), integer(args, 2, name));
            case "States.ArrayGetItem" -> item(array(args, 0, name), integer(args, 1, name));
            case "States.ArrayLength" -> JSON.numberNode(array(args, 0, name).size());
            case "States.ArrayUnique" -> unique(array(args, 0, name));
            case "States.Base64Encode" -> TextNode.valueOf(Base64.getEncoder().encodeToString(
                    textArg(args, 0, name).getBytes(StandardCharsets.UTF_8)));
            case "States.Base64Decode" -> TextNode.valueOf(new String(Base64.getDecoder().decode(
                    textArg(args, 0, name)), StandardCharsets.UTF_8));
            case "States.Hash" -> hash(arg(args, 0, name), textArg(args, 1, name));
            case "States.JsonMerge" -> merge(arg(args, 0, name), arg(args, 1, name), args.size() > 2
                    && args.get(2).asBoolean());
            case "States.MathRandom" -> random(args);
            case "States.MathAdd" -> JSON.numberNode(arg(args, 0, name).decimalValue()
                    .add(arg(args, 1, name).decimalValue()).stripTrailingZeros().intValueExact());
            case "States.StringSplit" -> split(textArg(args, 0, name), textArg(args, 1, name));
            case "States.UUID" -> TextNode.valueOf(UUID.randomUUID().toString());
            default -> throw StatesError.runtime("The offline cloud does not support the intrinsic function " + name);
        };
    }

    private static JsonNode format(List<JsonNode> args) {
        String template = textArg(args, 0, "States.Format");
        StringBuilder out = new StringBuilder();
        int next = 1;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\\' && i + 1 < template.length()) {
                out.append(template.charAt(++i));
            } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                if (next >= args.size()) {
                    throw failure("States.Format has more {} than arguments");
                }
                JsonNode value = args.get(next++);
                if (value.isContainerNode()) {
                    throw failure("States.Format takes only strings, numbers, booleans and null");
                }
                out.append(value.isNull() ? "null" : value.asText());
                i++;
            } else {
                out.append(c);
            }
        }
        if (next != args.size()) {
            throw failure("States.Format has fewer {} than arguments");
        }
        return TextNode.valueOf(out.toString());
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw failure("States.StringToJson got text that is not JSON");
        }
    }

    private static JsonNode partition(ArrayNode array, int size) {
        if (size < 1) {
            throw failure("States.ArrayPartition needs a chunk size of at least 1");
        }
        ArrayNode chunks = JSON.arrayNode();
        for (int i = 0; i < array.size(); i += size) {
            ArrayNode chunk = chunks.addArray();
            for (int j = i; j < Math.min(i + size, array.size()); j++) {
                chunk.add(array.get(j));
            }
        }
        return chunks;
    }

    private static boolean contains(ArrayNode array, JsonNode value) {
        for (JsonNode element : array) {
            if (element.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode range(int start, int end, int step) {
        if (step == 0) {
            throw failure("States.ArrayRange needs a step other than 0");
        }
        ArrayNode range = JSON.arrayNode();
        for (int i = start; step > 0 ? i <= end : i >= end; i += step) {
            range.add(i);
            if (range.size() > 1000) {
                throw failure("States.ArrayRange makes at most 1000 items");
            }
        }
        return range;
    }

    private static JsonNode item(ArrayNode array, int index) {
        if (index < 0 || index >= array.size()) {
            throw failure("States.ArrayGetItem index " + index + " is outside the array");
        }
        return array.get(index);
    }

    private static JsonNode unique(ArrayNode array) {
        Set<JsonNode> seen = new LinkedHashSet<>();
        array.forEach(seen::add);
        return JSON.arrayNode().addAll(seen);
    }

    private static JsonNode hash(JsonNode data, String algorithm) {
        if (!HASHES.contains(algorithm)) {
            throw failure("States.Hash does not know the algorithm " + algorithm);
        }
        try {
            String input = data.isTextual() ? data.asText() : data.toString();
            return TextNode.valueOf(HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                    .digest(input.getBytes(StandardCharsets.UTF_8))));
        } catch (NoSuchAlgorithmException e) {
            throw failure("States.Hash: " + algorithm + " is unavailable");
        }
    }

    private static JsonNode merge(JsonNode left, JsonNode right, boolean deep) {
        if (deep) {
            throw failure("States.JsonMerge supports only the shallow merge (false), as AWS does");
        }
        if (!left.isObject() || !right.isObject()) {
            throw failure("States.JsonMerge merges two objects");
        }
        ObjectNode merged = ((ObjectNode) left).deepCopy();
        merged.setAll((ObjectNode) right);
        return merged;
    }

    private static JsonNode random(List<JsonNode> args) {
        int start = integer(args, 0, "States.MathRandom");
        int end = integer(args, 1, "States.MathRandom");
        Random random = args.size() > 2 ? new Random(args.get(2).asLong()) : new Random();
        return JSON.numberNode(start + random.nextInt(Math.max(1, end - start)));
    }

    private static JsonNode split(String value, String delimiters) {
        ArrayNode parts = JSON.arrayNode();
        StringBuilder current = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (delimiters.indexOf(c) >= 0) {
                if (!current.isEmpty()) {
                    parts.add(current.toString());
                }
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            parts.add(current.toString());
        }
        return parts;
    }

    private static JsonNode arg(List<JsonNode> args, int index, String function) {
        if (index >= args.size()) {
            throw failure(function + " needs at least " + (index + 1) + " arguments");
        }
        return args.get(index);
    }

    private static String textArg(List<JsonNode> args, int index, String function) {
        JsonNode value = arg(args, index, function);
        if (!value.isTextual()) {
            throw failure(function + " argument " + (index + 1) + " must be a string");
        }
        return value.asText();
    }

    private static int integer(List<JsonNode> args, int index, String function) {
        JsonNode value = arg(args, index, function);
        if (!value.isIntegralNumber()) {
            throw failure(function + " argument " + (index + 1) + " must be an integer");
        }
        return value.asInt();
    }

    private static ArrayNode array(List<JsonNode> args, int index, String function) {
        JsonNode value = arg(args, index, function);
        if (!(value instanceof ArrayNode array)) {
            throw failure(function + " argument " + (index + 1) + " must be an array");
        }
        return array;
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private boolean accept(char c) {
        skipSpaces();
        if (peek() == c) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        skipSpaces();
        if (peek() != c) {
            throw failure("Expected '" + c + "' at position " + position + " of '" + text + "'");
        }
        position++;
    }

    private void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private static StatesError failure(String cause) {
        return new StatesError(StatesError.INTRINSIC_FAILURE, cause);
    }

    static JsonNode nullNode() {
        return NullNode.getInstance();
    }
}
