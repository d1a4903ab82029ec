package io.shipbridge.local.states;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/** Choice state rules: the comparison operators of the specification, with And, Or and Not. */
final class ChoiceRules {
    private ChoiceRules() {
    }

    static boolean matches(JsonNode rule, JsonNode data, JsonNode context) {
        if (rule.has("And")) {
            for (JsonNode inner : rule.get("And")) {
                if (!matches(inner, data, context)) {
                    return false;
                }
            }
            return true;
        }
        if (rule.has("Or")) {
            for (JsonNode inner : rule.get("Or")) {
                if (matches(inner, data, context)) {
                    return true;
                }
            }
            return false;
        }
        if (rule.has("Not")) {
            return !matches(rule.get("Not"), data, context);
        }
        if (!rule.has("Variable")) {
            throw StatesError.runtime("A Choice rule needs a Variable (or And, Or, Not): " + rule);
        }
        String variablePath = rule.get("Variable").asText();
        String operator = operator(rule);
        JsonNode expected = rule.get(operator);
        if (operator.equals("IsPresent")) {
            return present(variablePath, data, context) == expected.asBoolean();
        }
        JsonNode value = JsonPaths.read(variablePath, data, context);
        if (operator.endsWith("Path")) {
            expected = JsonPaths.read(expected.asText(), data, context);
            operator = operator.substring(0, operator.length() - 4);
        }
        return compare(operator, value, expected);
    }

    private static String operator(JsonNode rule) {
        Iterator<String> names = rule.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("Variable") && !name.equals("Next") && !name.equals("Comment")) {
                return name;
            }
        }
        throw StatesError.runtime("A Choice rule has no comparison operator: " + rule);
    }

    private static boolean present(String path, JsonNode data, JsonNode context) {
        try {
            JsonPaths.read(path, data, context);
            return true;
        } catch (StatesError missing) {
            return false;
        }
    }

    private static boolean compare(String operator, JsonNode value, JsonNode expected) {
        return switch (operator) {
            case "IsNull" -> value.isNull() == expected.asBoolean();
            case "IsNumeric" -> value.isNumber() == expected.asBoolean();
            case "IsString" -> value.isTextual() == expected.asBoolean();
            case "IsBoolean" -> value.isBoolean() == expected.asBoolean();
            case "IsTimestamp" -> (value.isTextual() && timestamp(value.asText()) != null) == expected.asBoolean();
            case "StringEquals" -> value.isTextual() && value.asText().equals(expected.asText());
            case "StringLessThan" -> value.isTextual() && value.asText().compareTo(expected.asText()) < 0;
            case "StringGreaterThan" -> value.isTextual() && value.asText().compareTo(expected.asText()) > 0;
            case "StringLessThanEquals" -> value.isTextual() && value.asText().compareTo(expected.asText()) <= 0;
            case "StringGreaterThanEquals" -> value.isTextual() && value.asText().compareTo(expected.asText()) >= 0;
            case "StringMatches" -> value.isTextual() && wildcard(expected.asText()).matcher(value.asText()).matches();
            case "NumericEquals" -> value.isNumber() && value.decimalValue().compareTo(expected.decimalValue()) == 0;
            case "NumericLessThan" -> value.isNumber() && value.decimalValue().compareTo(expected.decimalValue()) < 0;
            case "NumericGreaterThan" -> value.isNumber()
                    && value.decimalValue().compareTo(expected.decimalValue()) > 0;
            case "NumericLessThanEquals" -> value.isNumber()
                    && value.decimalValue().compareTo(expected.decimalValue()) <= 0;
            case "NumericGreaterThanEquals" -> value.isNumber()
                    && value.decimalValue().compareTo(expected.decimalValue()) >= 0;
            case "BooleanEquals" -> value.isBoolean() && value.asBoolean() == expected.asBoolean();
            case "TimestampEquals" -> times(value, expected, c -> c == 0);
            case "TimestampLessThan" -> times(value, expected, c -> c < 0);
            case "TimestampGreaterThan" -> times(value, expected, c -> c > 0);
            case "TimestampLessThanEquals" -> times(value, expected, c -> c <= 0);
            case "TimestampGreaterThanEquals" -> times(value, expected, c -> c >= 0);
            default -> throw StatesError.runtime("The offline cloud does not support the Choice operator " + operator);
        };
    }

    /** Compares two timestamps; a value that is not a timestamp matches no comparison. */
    private static boolean times(JsonNode value, JsonNode expected, IntPredicate test) {
        OffsetDateTime left = value.isTextual() ? timestamp(value.asText()) : null;
        OffsetDateTime right = expected.isTextual() ? timestamp(expected.asText()) : null;
        return left != null && right != null && test.test(left.toInstant().compareTo(right.toInstant()));
    }

    static OffsetDateTime timestamp(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** StringMatches: {@code *} matches any run of characters; {@code \*} and {@code \\} are literal. */
    private static Pattern wildcard(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '*') {
                regex.append(".*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
