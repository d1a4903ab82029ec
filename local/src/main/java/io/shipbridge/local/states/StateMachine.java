package io.shipbridge.local.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.config.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A state machine definition the executor runs, checked on registration for what the offline cloud supports: every
 * state type of the specification but the distributed Map, JSONPath (not JSONata), and Lambda tasks. What it does not
 * support is listed by {@link #unsupported()} and fails an execution that reaches it.
 */
public record StateMachine(String name, String arn, JsonNode definition) {
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "Task", Set.of("Type", "Comment", "Resource", "Parameters", "InputPath", "OutputPath", "ResultPath",
                    "ResultSelector", "Retry", "Catch", "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds",
                    "HeartbeatSecondsPath", "Next", "End"),
            "Pass", Set.of("Type", "Comment", "InputPath", "OutputPath", "ResultPath", "Parameters", "Result", "Next",
                    "End"),
            "Choice", Set.of("Type", "Comment", "InputPath", "OutputPath", "Choices", "Default"),
            "Wait", Set.of("Type", "Comment", "InputPath", "OutputPath", "Seconds", "SecondsPath", "Timestamp",
                    "TimestampPath", "Next", "End"),
            "Succeed", Set.of("Type", "Comment", "InputPath", "OutputPath"),
            "Fail", Set.of("Type", "Comment", "Error", "Cause", "ErrorPath", "CausePath"),
            "Map", Set.of("Type", "Comment", "InputPath", "OutputPath", "ResultPath", "ResultSelector", "ItemsPath",
                    "ItemSelector", "Parameters", "ItemProcessor", "Iterator", "MaxConcurrency", "Retry", "Catch",
                    "Next", "End"),
            "Parallel", Set.of("Type", "Comment", "InputPath", "OutputPath", "ResultPath", "ResultSelector",
                    "Parameters", "Branches", "Retry", "Catch", "Next", "End"));
    static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";
    static final String LAMBDA_INVOKE_WAIT = "arn:aws:states:::lambda:invoke.waitForTaskToken";

    public static StateMachine of(String name, String arn, String definitionJson) {
        try {
            return new StateMachine(name, arn, Json.MAPPER.readTree(definitionJson));
        } catch (Exception e) {
            throw new IllegalArgumentException("State machine " + name + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** What the definition uses that the offline cloud cannot run, one line each, naming the state. */
    public List<String> unsupported() {
        List<String> problems = new ArrayList<>();
        if (definition.has("QueryLanguage") && !"JSONPath".equals(definition.get("QueryLanguage").asText())) {
            problems.add("QueryLanguage " + definition.get("QueryLanguage").asText() + " (only JSONPath)");
        }
        collect(definition, problems);
        return problems;
    }

    private static void collect(JsonNode machine, List<String> problems) {
        Iterator<Map.Entry<String, JsonNode>> states = machine.path("States").fields();
        while (states.hasNext()) {
            Map.Entry<String, JsonNode> entry = states.next();
            String problem = unsupportedIn(entry.getKey(), entry.getValue());
            if (problem != null) {
                problems.add(problem);
            }
            JsonNode state = entry.getValue();
            if (state.has("ItemProcessor")) {
                collect(state.get("ItemProcessor"), problems);
            }
            if (state.has("Iterator")) {
                collect(state.get("Iterator"), problems);
            }
            state.path("Branches").forEach(branch -> collect(branch, problems));
        }
    }

    /** Why the offline cloud cannot run this state, or null when it can. */
    static String unsupportedIn(String name, JsonNode state) {
        String type = state.path("Type").asText();
        Set<String> known = FIELDS.get(type);
        if (known == null) {
            return "state " + name + ": type " + type;
        }
        Iterator<String> fields = state.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            if (!known.contains(field)) {
                return "state " + name + ": field " + field;
            }
        }
        if (type.equals("Map") && state.path("ItemProcessor").path("ProcessorConfig").path("Mode").asText()
                .equals("DISTRIBUTED")) {
            return "state " + name + ": distributed Map";
        }
        if (type.equals("Task")) {
            String resource = state.path("Resource").asText();
            if (!resource.equals(LAMBDA_INVOKE) && !resource.equals(LAMBDA_INVOKE_WAIT)
                    && !resource.startsWith("arn:aws:lambda:")) {
                return "state " + name + ": resource " + resource + " (only Lambda tasks)";
            }
        }
        return null;
    }
}
