package io.shipbridge.local.states;

import static io.shipbridge.local.states.Machines.json;
import static io.shipbridge.local.states.Machines.output;
import static org.assertj.core.api.Assertions.assertThat;

import io.shipbridge.config.Json;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Map (inline) and Parallel: items, selectors with the Map item in the context object, concurrency, failures. */
class MapAndParallelTest {
    private final Machines machines = new Machines();

    @AfterEach
    void close() {
        machines.close();
    }

    @Test
    void mapsEachItemThroughItsProcessorKeepingTheOrderOfTheItems() {
        String definition = """
                {"StartAt": "EachLine", "States": {"EachLine": {"Type": "Map", "ItemsPath": "$.lines",
                  "ItemSelector": {"index.$": "$$.Map.Item.Index", "sku.$": "$$.Map.Item.Value.sku",
                                   "order.$": "$.orderId"},
                  "ItemProcessor": {"StartAt": "Label", "States": {"Label": {"Type": "Pass",
                    "Parameters": {"label.$": "States.Format('{}/{}#{}', $.order, $.sku, $.index)"}, "End": true}}},
                  "ResultPath": "$.labels", "End": true}}}""";

        var out = output(machines.run(definition, "{\"orderId\": \"A\", \"lines\": [{\"sku\": \"X\"}, {\"sku\": \"Y\"},"
                + " {\"sku\": \"Z\"}]}"));

        assertThat(out.path("labels")).isEqualTo(json("[{\"label\": \"A/X#0\"}, {\"label\": \"A/Y#1\"},"
                + " {\"label\": \"A/Z#2\"}]"));
    }

    @Test
    void runsAtMostMaxConcurrencyItemsAtOnce() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        machines.functions.put("Slow", payload -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                machines.time.sleep(Duration.ofSeconds(60));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return payload;
        });
        String definition = """
                {"StartAt": "All", "States": {"All": {"Type": "Map", "MaxConcurrency": 2,
                  "Iterator": {"StartAt": "Call", "States": {"Call": {"Type": "Task",
                    "Resource": "arn:aws:lambda:eu-west-1:000000000000:function:Slow", "End": true}}},
                  "End": true}}}""";

        var out = output(machines.run(definition, "[1, 2, 3, 4, 5, 6]"));

        assertThat(out).isEqualTo(json("[1, 2, 3, 4, 5, 6]"));
        assertThat(most.get()).isEqualTo(2);
    }

    @Test
    void aFailingIterationFailsTheMapWhoseCatcherTakesIt() {
        String definition = """
                {"StartAt": "All", "States": {"All": {"Type": "Map",
                  "ItemProcessor": {"StartAt": "Check", "States": {
                    "Check": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericGreaterThan": 2,
                      "Next": "TooBig"}], "Default": "Fine"},
                    "TooBig": {"Type": "Fail", "Error": "Item.TooBig", "Cause": "over 2"},
                    "Fine": {"Type": "Succeed"}}},
                  "Catch": [{"ErrorEquals": ["Item.TooBig"], "ResultPath": "$", "Next": "Handled"}],
                  "End": true},
                  "Handled": {"Type": "Pass", "End": true}}}""";

        var out = output(machines.run(definition, "[1, 2, 3]"));

        assertThat(out.path("Error").asText()).isEqualTo("Item.TooBig");
    }

    @Test
    void runsParallelBranchesOnTheSameInputAndGathersTheirResults() {
        machines.functions.put("Double", payload -> Json.MAPPER.getNodeFactory().numberNode(payload.asInt() * 2));
        String definition = """
                {"StartAt": "Both", "States": {"Both": {"Type": "Parallel", "Branches": [
                  {"StartAt": "A", "States": {"A": {"Type": "Task",
                    "Resource": "arn:aws:lambda:eu-west-1:000000000000:function:Double", "End": true}}},
                  {"StartAt": "B", "States": {"B": {"Type": "Pass", "Result": "b", "End": true}}}],
                  "ResultSelector": {"doubled.$": "$[0]", "other.$": "$[1]"}, "End": true}}}""";

        assertThat(output(machines.run(definition, "21"))).isEqualTo(json("{\"doubled\": 42, \"other\": \"b\"}"));
    }
}
