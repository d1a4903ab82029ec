package io.shipbridge.local.states;

import static io.shipbridge.local.states.Machines.json;
import static io.shipbridge.local.states.Machines.output;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import io.shipbridge.local.time.SimulatedTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Input and output processing, Pass, Choice, Wait, Succeed, Fail, the context object and intrinsic functions. */
class DataFlowTest {
    private final Machines machines = new Machines();

    @AfterEach
    void close() {
        machines.close();
    }

    @Test
    void processesATasksDataInTheSpecifiedOrder() {
        // The specification's order: InputPath, Parameters, the task, ResultSelector, ResultPath, OutputPath.
        machines.functions.put("Add", payload -> Json.MAPPER.createObjectNode()
                .put("sum", payload.path("a").asInt() + payload.path("b").asInt()).put("noise", "x"));
        String definition = """
                {"StartAt": "Add", "States": {"Add": {
                  "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                  "InputPath": "$.numbers",
                  "Parameters": {"FunctionName": "arn:aws:lambda:eu-west-1:000000000000:function:Add",
                                 "Payload": {"a.$": "$.first", "b.$": "$.second", "fixed": 1}},
                  "ResultSelector": {"total.$": "$.Payload.sum", "status.$": "$.StatusCode"},
                  "ResultPath": "$.numbers.result",
                  "OutputPath": "$.numbers",
                  "End": true}}}""";

        JsonNode out = output(machines.run(definition, "{\"numbers\": {\"first\": 3, \"second\": 4}, \"other\": 1}"));

        assertThat(out).isEqualTo(json("{\"first\": 3, \"second\": 4, \"result\": {\"total\": 7, \"status\": 200}}"));
    }

    @Test
    void resultPathNullKeepsTheInputAndAReferencePathCreatesWhatItGoesThrough() {
        String definition = """
                {"StartAt": "Keep", "States": {
                  "Keep": {"Type": "Pass", "Result": "dropped", "ResultPath": null, "Next": "Nest"},
                  "Nest": {"Type": "Pass", "Result": {"x": 1}, "ResultPath": "$.a.b", "End": true}}}""";

        assertThat(output(machines.run(definition, "{\"keep\": true}")))
                .isEqualTo(json("{\"keep\": true, \"a\": {\"b\": {\"x\": 1}}}"));
    }

    @Test
    void passBuildsItsResultFromParametersAndTheContextObject() {
        String definition = """
                {"StartAt": "Describe", "States": {"Describe": {"Type": "Pass",
                  "Parameters": {"order.$": "$.orderId", "execution.$": "$$.Execution.Name",
                                 "state.$": "$$.State.Name", "machine.$": "$$.StateMachine.Name",
                                 "original.$": "$$.Execution.Input.orderId", "list": [{"n.$": "$.n"}]},
                  "End": true}}}""";

        JsonNode out = output(machines.run(definition, "{\"orderId\": \"1045281-A\", \"n\": 5}"));

        assertThat(out.path("order").asText()).isEqualTo("1045281-A");
        assertThat(out.path("state").asText()).isEqualTo("Describe");
        assertThat(out.path("machine").asText()).isEqualTo("test");
        assertThat(out.path("original").asText()).isEqualTo("1045281-A");
        assertThat(out.path("execution").asText()).hasSize(36);
        assertThat(out.path("list").get(0).path("n").asInt()).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"weight\": 0.5, \"country\": \"ES\"} | Light",
        "{\"weight\": 3, \"country\": \"ES\"} | Medium",
        "{\"weight\": 3, \"country\": \"FR\"} | Abroad",
        "{\"weight\": 9, \"country\": \"ES\", \"express\": true} | Express",
        "{\"weight\": 9, \"country\": \"ES\"} | Otherwise",
        "{\"weight\": 2, \"country\": \"ES\", \"postcode\": \"07001\"} | Islands",
        "{\"weight\": 2, \"country\": \"ES\", \"due\": \"2026-11-19T00:00:00Z\"} | Late"})
    void choosesTheFirstMatchingRuleOrTheDefault(String input, String expected) {
        String definition = """
                {"StartAt": "Route", "States": {
                  "Route": {"Type": "Choice", "Default": "Otherwise", "Choices": [
                    {"And": [{"Variable": "$.due", "IsPresent": true},
                             {"Variable": "$.due", "TimestampLessThan": "2026-11-20T00:00:00Z"}], "Next": "Late"},
                    {"Not": {"Variable": "$.country", "StringEquals": "ES"}, "Next": "Abroad"},
                    {"And": [{"Variable": "$.postcode", "IsPresent": true},
                             {"Variable": "$.postcode", "StringMatches": "07*"}], "Next": "Islands"},
                    {"Variable": "$.weight", "NumericLessThan": 1, "Next": "Light"},
                    {"And": [{"Variable": "$.weight", "NumericGreaterThanEquals": 1},
                             {"Variable": "$.weight", "NumericLessThanEquals": 5}], "Next": "Medium"},
                    {"Or": [{"Variable": "$.weight", "NumericGreaterThanPath": "$.limit"},
                            {"And": [{"Variable": "$.express", "IsPresent": true},
                                     {"Variable": "$.express", "BooleanEquals": true}]}], "Next": "Express"}]},
                  "Late": {"Type": "Pass", "Result": "Late", "End": true},
                  "Abroad": {"Type": "Pass", "Result": "Abroad", "End": true},
                  "Islands": {"Type": "Pass", "Result": "Islands", "End": true},
                  "Light": {"Type": "Pass", "Result": "Light", "End": true},
                  "Medium": {"Type": "Pass", "Result": "Medium", "End": true},
                  "Express": {"Type": "Pass", "Result": "Express", "End": true},
                  "Otherwise": {"Type": "Pass", "Result": "Otherwise", "End": true}}}""";
        ObjectNode withLimit = (ObjectNode) json(input);
        withLimit.put("limit", 100);

        assertThat(output(machines.run(definition, withLimit.toString())).asText()).isEqualTo(expected);
    }

    @Test
    void aChoiceOnAVariableThatIsNotThereIsARuntimeErrorAsInAws() {
        Execution execution = machines.run("""
                {"StartAt": "Route", "States": {"Route": {"Type": "Choice", "Default": "End", "Choices": [
                  {"Variable": "$.missing", "StringEquals": "x", "Next": "End"}]},
                  "End": {"Type": "Succeed"}}}""", "{}");

        assertThat(execution.error()).isEqualTo("States.Runtime");
        assertThat(execution.cause()).contains("$.missing");
    }

    @Test
    void aChoiceWithNoMatchAndNoDefaultFailsTheExecution() {
        Execution execution = machines.run("""
                {"StartAt": "Route", "States": {"Route": {"Type": "Choice", "Choices": [
                  {"Variable": "$.x", "NumericEquals": 1, "Next": "One"}]},
                  "One": {"Type": "Succeed"}}}""", "{\"x\": 2}");

        assertThat(execution.status()).isEqualTo(Execution.Status.FAILED);
        assertThat(execution.error()).isEqualTo("States.NoChoiceMatched");
    }

    @Test
    void waitsInSimulatedTimeForSecondsAPathOrATimestamp() {
        // A clock moved only by the waits: each ends at exactly its instant, however busy the machine.
        Machines stepped = new Machines(SimulatedTime.stepping(Machines.START));
        String definition = """
                {"StartAt": "Hour", "States": {
                  "Hour": {"Type": "Wait", "Seconds": 3600, "Next": "Path"},
                  "Path": {"Type": "Wait", "SecondsPath": "$.wait", "Next": "Until"},
                  "Until": {"Type": "Wait", "TimestampPath": "$.until", "End": true}}}""";

        Execution later = stepped.run(definition, "{\"wait\": 1800, \"until\": \""
                + Machines.START.plusSeconds(4 * 3600) + "\"}");
        Execution past = stepped.run(definition, "{\"wait\": 1800, \"until\": \"" + Machines.START + "\"}");
        stepped.close();

        assertThat(later.stopDate()).isEqualTo(Machines.START.plusSeconds(4 * 3600));
        assertThat(past.stopDate()).as("a timestamp already passed does not wait")
                .isEqualTo(Machines.START.plusSeconds(4 * 3600 + 3600 + 1800));
    }

    @Test
    void aFailStateEndsTheExecutionWithItsErrorAndCause() {
        Execution fixed = machines.run("""
                {"StartAt": "No", "States": {"No": {"Type": "Fail", "Error": "Shipbridge.PostFailed",
                  "Cause": "see history"}}}""", "{}");
        Execution fromPaths = machines.run("""
                {"StartAt": "No", "States": {"No": {"Type": "Fail", "ErrorPath": "$.e", "CausePath": "$.c"}}}""",
                "{\"e\": \"Custom.Error\", \"c\": \"because\"}");

        assertThat(fixed.status()).isEqualTo(Execution.Status.FAILED);
        assertThat(fixed.error()).isEqualTo("Shipbridge.PostFailed");
        assertThat(fixed.cause()).isEqualTo("see history");
        assertThat(fromPaths.error()).isEqualTo("Custom.Error");
        assertThat(fromPaths.cause()).isEqualTo("because");
    }

    @Test
    void succeedAppliesInputAndOutputPaths() {
        assertThat(output(machines.run("""
                {"StartAt": "Done", "States": {"Done": {"Type": "Succeed", "InputPath": "$.a", "OutputPath": "$.b"}}}""",
                "{\"a\": {\"b\": 42}}")).asInt()).isEqualTo(42);
    }

    @Test
    void aPathThatIsNotInTheInputIsARuntimeError() {
        Execution execution = machines.run("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "InputPath": "$.missing", "End": true}}}""", "{}");

        assertThat(execution.error()).isEqualTo("States.Runtime");
        assertThat(execution.cause()).contains("$.missing");
    }

    @Test
    void evaluatesIntrinsicFunctions() {
        String definition = """
                {"StartAt": "F", "States": {"F": {"Type": "Pass", "Parameters": {
                  "format.$": "States.Format('Order {} weighs {} kg \\\\{x\\\\}', $.id, $.kg)",
                  "parsed.$": "States.StringToJson($.json)",
                  "text.$": "States.JsonToString($.obj)",
                  "array.$": "States.Array($.id, 2, true)",
                  "length.$": "States.ArrayLength($.list)",
                  "contains.$": "States.ArrayContains($.list, 3)",
                  "range.$": "States.ArrayRange(1, 9, 4)",
                  "item.$": "States.ArrayGetItem($.list, 1)",
                  "chunks.$": "States.ArrayPartition($.list, 2)",
                  "unique.$": "States.ArrayUnique($.dupes)",
                  "sum.$": "States.MathAdd($.kg, -1)",
                  "split.$": "States.StringSplit('a,b;c', ',;')",
                  "b64.$": "States.Base64Encode('TIPSA')",
                  "back.$": "States.Base64Decode('VElQU0E=')",
                  "hash.$": "States.Hash('abc', 'SHA-256')",
                  "merged.$": "States.JsonMerge($.obj, $.more, false)",
                  "uuid.$": "States.UUID()",
                  "nested.$": "States.ArrayLength(States.Array(1, 2, 3))"}, "End": true}}}""";
        String input = "{\"id\": \"A1\", \"kg\": 3, \"json\": \"{\\\"k\\\": [1]}\", \"obj\": {\"a\": 1},"
                + " \"more\": {\"b\": 2}, \"list\": [1, 3, 5], \"dupes\": [1, 1, 2]}";

        JsonNode out = output(machines.run(definition, input));

        assertThat(out.path("format").asText()).isEqualTo("Order A1 weighs 3 kg {x}");
        assertThat(out.path("parsed")).isEqualTo(json("{\"k\": [1]}"));
        assertThat(out.path("text").asText()).isEqualTo("{\"a\":1}");
        assertThat(out.path("array")).isEqualTo(json("[\"A1\", 2, true]"));
        assertThat(out.path("length").asInt()).isEqualTo(3);
        assertThat(out.path("contains").asBoolean()).isTrue();
        assertThat(out.path("range")).isEqualTo(json("[1, 5, 9]"));
        assertThat(out.path("item").asInt()).isEqualTo(3);
        assertThat(out.path("chunks")).isEqualTo(json("[[1, 3], [5]]"));
        assertThat(out.path("unique")).isEqualTo(json("[1, 2]"));
        assertThat(out.path("sum").asInt()).isEqualTo(2);
        assertThat(out.path("split")).isEqualTo(json("[\"a\", \"b\", \"c\"]"));
        assertThat(out.path("b64").asText()).isEqualTo("VElQU0E=");
        assertThat(out.path("back").asText()).isEqualTo("TIPSA");
        assertThat(out.path("hash").asText())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(out.path("merged")).isEqualTo(json("{\"a\": 1, \"b\": 2}"));
        assertThat(out.path("uuid").asText()).hasSize(36);
        assertThat(out.path("nested").asInt()).isEqualTo(3);
    }

    @Test
    void anIntrinsicThatCannotBeEvaluatedFailsWithIntrinsicFailure() {
        Execution execution = machines.run("""
                {"StartAt": "F", "States": {"F": {"Type": "Pass",
                  "Parameters": {"x.$": "States.ArrayGetItem($.list, 7)"}, "End": true}}}""", "{\"list\": [1]}");

        assertThat(execution.error()).isEqualTo("States.IntrinsicFailure");
    }

    @Test
    void recordsTheStatesItWentThroughInTheHistory() {
        Execution execution = machines.run("""
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Succeed"}}}""", "{}");

        assertThat(execution.history()).extracting(e -> e.path("type").asText()).containsExactly(
                "ExecutionStarted", "PassStateEntered", "PassStateExited", "SucceedStateEntered",
                "SucceedStateExited", "ExecutionSucceeded");
        assertThat(execution.statesEntered()).containsExactly("A", "B");
    }
}
