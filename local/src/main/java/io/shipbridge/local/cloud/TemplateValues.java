package io.shipbridge.local.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves CloudFormation intrinsics the way a deployment would, to the offline cloud's values: {@code Ref} and
 * {@code Fn::GetAtt} of parameters, pseudo parameters and resources, {@code Fn::Sub} and {@code Fn::Join}. Any
 * other function is refused by name.
 */
final class TemplateValues {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    /** What a resource resolves to: its {@code Ref} and its attributes. */
    record ResourceValue(String ref, Map<String, String> attributes) {
    }

    private final Map<String, String> parameters;
    private final Map<String, ResourceValue> resources;

    TemplateValues(Map<String, String> parameters, Map<String, ResourceValue> resources) {
        this.parameters = parameters;
        this.resources = resources;
    }

    String resolve(JsonNode value, String where) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        if (value.isObject() && value.size() == 1) {
            String function = value.fieldNames().next();
            JsonNode argument = value.get(function);
            switch (function) {
                case "Ref" -> {
                    return ref(argument.asText(), where);
                }
                case "Fn::GetAtt" -> {
                    return attribute(argument.path(0).asText(), argument.path(1).asText(), where);
                }
                case "Fn::Sub" -> {
                    return substitute(argument, where);
                }
                case "Fn::Join" -> {
                    List<String> parts = new ArrayList<>();
                    argument.path(1).forEach(part -> parts.add(resolve(part, where)));
                    return String.join(argument.path(0).asText(), parts);
                }
                default -> throw new UnsupportedOperationException(where + ": " + function
                        + " is not emulated by the offline cloud");
            }
        }
        throw new UnsupportedOperationException(where + ": cannot resolve " + value);
    }

    String ref(String name, String where) {
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        ResourceValue resource = resources.get(name);
        if (resource == null) {
            throw new UnsupportedOperationException(where + ": Ref to " + name
                    + ", which the offline cloud does not provide");
        }
        return resource.ref();
    }

    private String attribute(String logicalId, String attribute, String where) {
        ResourceValue resource = resources.get(logicalId);
        String value = resource == null ? null : resource.attributes().get(attribute);
        if (value == null) {
            throw new UnsupportedOperationException(where + ": Fn::GetAtt " + logicalId + "." + attribute
                    + " is not provided by the offline cloud");
        }
        return value;
    }

    private String substitute(JsonNode argument, String where) {
        String template = argument.isArray() ? argument.path(0).asText() : argument.asText();
        JsonNode variables = argument.isArray() ? argument.path(1) : null;
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value;
            if (variables != null && variables.has(name)) {
                value = resolve(variables.get(name), where);
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                value = attribute(name.substring(0, name.indexOf('.')), name.substring(name.indexOf('.') + 1), where);
            } else {
                value = ref(name, where);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString().replace("${!", "${");
    }
}
