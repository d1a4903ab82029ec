package io.shipbridge.local.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * A function's IAM policy as template.yaml gives it: the inline policy document under its {@code Policies}
 * (SAM's policy templates and managed policies are refused: they name more than the function calls), with
 * {@code Fn::If} decided by the deployment's conditions and every other intrinsic resolved to its value.
 */
public final class FunctionPolicy {
    /** The condition operators the offline cloud evaluates; a policy using another is refused, not half-read. */
    static final Set<String> OPERATORS = Set.of("StringEquals", "StringLike", "ForAllValues:StringLike",
            "ForAllValues:StringEquals", "ForAnyValue:StringLike", "ForAnyValue:StringEquals");

    private final String functionId;
    private final List<Statement> statements;

    FunctionPolicy(String functionId, List<Statement> statements) {
        this.functionId = functionId;
        this.statements = List.copyOf(statements);
    }

    public String functionId() {
        return functionId;
    }

    public List<Statement> statements() {
        return statements;
    }

    /**
     * Reads a function's {@code Policies}.
     *
     * @param resolve   an intrinsic ({@code Ref}, {@code Fn::Sub}, {@code Fn::GetAtt}...) to its value; the second
     *                  argument says where it is, for errors
     * @param condition whether a template condition (by name) holds in this deployment
     */
    public static FunctionPolicy read(String functionId, JsonNode policies,
            BiFunction<JsonNode, String, String> resolve, Predicate<String> condition) {
        JsonNode decided = decide(policies, condition);
        if (decided == null || !decided.isArray()) {
            throw new IllegalArgumentException(functionId + ": Policies must be a list holding one inline policy");
        }
        List<Statement> statements = new ArrayList<>();
        for (JsonNode policy : decided) {
            if (!policy.isObject() || !policy.has("Statement") || policy.size() != 1 && !policy.has("Version")) {
                throw new IllegalArgumentException(functionId + ": only inline policy documents are held to what "
                        + "the function calls; found " + (policy.isObject() && policy.fieldNames().hasNext()
                        ? policy.fieldNames().next() : policy.toString()));
            }
            int index = 0;
            for (JsonNode statement : policy.get("Statement")) {
                statements.add(statement(functionId + ".Policies.Statement[" + index++ + "]", statement, resolve));
            }
        }
        return new FunctionPolicy(functionId, statements);
    }

    private static Statement statement(String where, JsonNode node, BiFunction<JsonNode, String, String> resolve) {
        if (node.has("NotAction") || node.has("NotResource") || node.has("Principal")) {
            throw new IllegalArgumentException(where + ": NotAction, NotResource and Principal are not emulated");
        }
        String effect = node.path("Effect").asText();
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw new IllegalArgumentException(where + ": Effect must be Allow or Deny, not " + effect);
        }
        Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();
        node.path("Condition").fields().forEachRemaining(operator -> {
            if (!OPERATORS.contains(operator.getKey())) {
                throw new IllegalArgumentException(where + ": condition operator " + operator.getKey()
                        + " is not emulated (emulated: " + OPERATORS + ")");
            }
            Map<String, List<String>> keys = new LinkedHashMap<>();
            operator.getValue().fields().forEachRemaining(key -> keys.put(key.getKey(),
                    strings(key.getValue(), where + ".Condition", resolve)));
            conditions.put(operator.getKey(), keys);
        });
        return new Statement(node.path("Sid").asText(null), effect.equals("Allow"),
                strings(node.path("Action"), where + ".Action", resolve),
                strings(node.path("Resource"), where + ".Resource", resolve), conditions);
    }

    private static List<String> strings(JsonNode node, String where, BiFunction<JsonNode, String, String> resolve) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> values.add(resolve.apply(item, where)));
        } else if (!node.isMissingNode()) {
            values.add(resolve.apply(node, where));
        }
        return values;
    }

    /**
     * The node with every {@code Fn::If} replaced by the branch the deployment takes, and list items (or object
     * fields) that are {@code AWS::NoValue} left out, as CloudFormation does.
     */
    static JsonNode decide(JsonNode node, Predicate<String> condition) {
        if (node.isObject() && node.size() == 1 && node.has("Fn::If")) {
            JsonNode arguments = node.get("Fn::If");
            return decide(arguments.get(condition.test(arguments.get(0).asText()) ? 1 : 2), condition);
        }
        if (node.isObject() && node.size() == 1 && "AWS::NoValue".equals(node.path("Ref").asText(null))) {
            return null;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> {
                JsonNode decided = decide(item, condition);
                if (decided != null) {
                    copy.add(decided);
                }
            });
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(field -> {
                JsonNode decided = decide(field.getValue(), condition);
                if (decided != null) {
                    copy.set(field.getKey(), decided);
                }
            });
            return copy;
        }
        return node;
    }
}
