package io.shipbridge.local.iam;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/** A template's {@code Conditions}, decided with the deployment's values: Fn::Equals, Not, And, Or and Condition. */
public final class TemplateConditions implements Predicate<String> {
    private final JsonNode conditions;
    private final BiFunction<JsonNode, String, String> resolve;

    public TemplateConditions(JsonNode conditions, BiFunction<JsonNode, String, String> resolve) {
        this.conditions = conditions;
        this.resolve = resolve;
    }

    @Override
    public boolean test(String name) {
        JsonNode condition = conditions.get(name);
        if (condition == null) {
            throw new IllegalArgumentException("The template declares no condition " + name);
        }
        return holds(condition, "Conditions." + name);
    }

    private boolean holds(JsonNode node, String where) {
        String function = node.fieldNames().next();
        JsonNode arguments = node.get(function);
        return switch (function) {
            case "Fn::Equals" -> resolve.apply(arguments.get(0), where).equals(resolve.apply(arguments.get(1), where));
            case "Fn::Not" -> !holds(arguments.get(0), where);
            case "Fn::And" -> {
                boolean all = true;
                for (JsonNode argument : arguments) {
                    all &= holds(argument, where);
                }
                yield all;
            }
            case "Fn::Or" -> {
                boolean any = false;
                for (JsonNode argument : arguments) {
                    any |= holds(argument, where);
                }
                yield any;
            }
            case "Condition" -> test(arguments.asText());
            default -> throw new IllegalArgumentException(where + ": " + function + " is not a condition function");
        };
    }
}
