package io.shipbridge.local.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Payload templates (Parameters, ResultSelector, ItemSelector): a field named {@code key.$} takes the value of a
 * path or an intrinsic function and is written as {@code key}; every other value is copied, objects and arrays
 * processed the same way all the way down.
 */
final class PayloadTemplates {
    private PayloadTemplates() {
    }

    static JsonNode apply(JsonNode template, JsonNode data, JsonNode context) {
        if (template.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = template.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = field.getKey();
                if (key.endsWith(".$")) {
                    out.set(key.substring(0, key.length() - 2), dynamic(key, field.getValue(), data, context));
                } else {
                    out.set(key, apply(field.getValue(), data, context));
                }
            }
            return out;
        }
        if (template.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            template.forEach(element -> out.add(apply(element, data, context)));
            return out;
        }
        return template;
    }

    private static JsonNode dynamic(String key, JsonNode value, JsonNode data, JsonNode context) {
        if (!value.isTextual()) {
            throw StatesError.runtime("The value of '" + key + "' must be a path or an intrinsic function");
        }
        String expression = value.asText();
        if (Intrinsics.isCall(expression)) {
            return Intrinsics.evaluate(expression, data, context);
        }
        try {
            return JsonPaths.read(expression, data, context);
        } catch (StatesError e) {
            if (e.isRuntime()) {
                throw new StatesError(StatesError.PARAMETER_PATH_FAILURE, "The JSONPath '" + expression
                        + "' specified for the field '" + key + "' could not be found in the input "
                        + JsonPaths.abbreviate(data));
            }
            throw e;
        }
    }
}
