package io.shipbridge.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.config.Json;
import io.shipbridge.order.OrderState;
import io.shipbridge.standins.CloudFormationTemplate;
import io.shipbridge.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The state machine, the template and the code agree: names that must match do. */
class StateMachineDefinitionTest {
    private static JsonNode definition;
    private static CloudFormationTemplate template;

    @BeforeAll
    static void read() throws Exception {
        template = CloudFormationTemplate.read(Fixtures.repositoryFile("template.yaml"));
        definition = Json.MAPPER.readTree(template.definitionWithDefaults("OrderStateMachine"));
    }

    @Test
    void everyPlaceholderHasASubstitutionAndEverySubstitutionIsUsed() {
        Set<String> placeholders = new TreeSet<>();
        Matcher matcher = Pattern.compile("\\$\\{(\\w+)}")
                .matcher(Fixtures.repositoryText("statemachine/order-fulfillment.asl.json"));
        while (matcher.find()) {
            placeholders.add(matcher.group(1));
        }
        Set<String> substitutions = new TreeSet<>();
        template.resources().get("OrderStateMachine").properties().path("DefinitionSubstitutions")
                .fieldNames().forEachRemaining(substitutions::add);

        assertThat(placeholders).isNotEmpty().isEqualTo(substitutions);
    }

    @Test
    void everyErrorNameItRetriesOrCatchesIsAnExceptionOfTheFunctions() throws Exception {
        Set<String> names = new HashSet<>();
        for (JsonNode state : states()) {
            for (String policy : List.of("Retry", "Catch")) {
                state.path(policy).forEach(rule -> rule.path("ErrorEquals").forEach(e -> names.add(e.asText())));
            }
        }
        List<String> ours = names.stream().filter(n -> n.startsWith("io.shipbridge.")
                || n.startsWith("software.amazon.awssdk.")).toList();

        assertThat(ours).isNotEmpty();
        for (String name : ours) {
            assertThat(Throwable.class.isAssignableFrom(Class.forName(name))).as(name).isTrue();
        }
        assertThat(names).allMatch(n -> n.startsWith("io.shipbridge.") || n.startsWith("States.")
                || n.startsWith("Lambda.") || n.startsWith("software.amazon.awssdk.") || n.equals("Sandbox.Timedout"));
    }

    @Test
    void everyTransitionLeadsToAState() {
        Set<String> names = new HashSet<>();
        definition.path("States").fieldNames().forEachRemaining(names::add);
        List<String> targets = new ArrayList<>();
        targets.add(definition.path("StartAt").asText());
        for (JsonNode state : states()) {
            if (state.has("Next")) {
                targets.add(state.path("Next").asText());
            }
            state.path("Catch").forEach(c -> targets.add(c.path("Next").asText()));
            state.path("Choices").forEach(c -> targets.add(c.path("Next").asText()));
            if (state.has("Default")) {
                targets.add(state.path("Default").asText());
            }
        }

        assertThat(names).containsAll(targets);
        assertThat(new HashSet<>(targets)).containsAll(names);
    }

    @Test
    void recordingAFailureIsRetriedAndItsOwnFailureEndsTheExecutionNamedNeverUnhandled() {
        int recorders = 0;
        for (JsonNode state : states()) {
            if (state.path("Parameters").path("FunctionName").asText().equals("${RecordFailureFunctionArn}")) {
                recorders++;
                assertThat(state.path("Retry").toString()).contains("States.TaskFailed");
                assertThat(state.path("Catch")).singleElement().satisfies(c -> {
                    assertThat(c.path("ErrorEquals").toString()).isEqualTo("[\"States.ALL\"]");
                    assertThat(definition.path("States").path(c.path("Next").asText()).path("Type").asText())
                            .isEqualTo("Fail");
                });
            }
        }
        assertThat(recorders).isEqualTo(5);
    }

    @Test
    void everyStepSendsPassingFaultsToScheduleRetryAndCanBeResumed() {
        JsonNode route = definition.path("States").path("StartOrResume");
        Set<String> routed = new HashSet<>();
        route.path("Choices").forEach(c -> {
            if (c.has("StringEquals")) {
                assertThat(c.path("Variable").asText()).isEqualTo("$.resume.at");
                assertThat(c.path("Next").asText()).isEqualTo(c.path("StringEquals").asText());
                routed.add(c.path("StringEquals").asText());
            }
        });
        Set<String> transient_ = null;
        for (WorkflowStep step : WorkflowStep.values()) {
            JsonNode state = definition.path("States").path(step.stateName());
            assertThat(state.path("Type").asText()).as(step.stateName()).isEqualTo("Task");
            List<JsonNode> toRetry = new ArrayList<>();
            state.path("Catch").forEach(c -> {
                if (c.path("Next").asText().equals("ScheduleRetry")) {
                    toRetry.add(c);
                }
            });
            assertThat(toRetry).as(step.stateName()).hasSize(1);
            Set<String> errors = new TreeSet<>();
            toRetry.get(0).path("ErrorEquals").forEach(e -> errors.add(e.asText()));
            assertThat(errors).contains("io.shipbridge.carrier.CarrierUnavailableException",
                    "io.shipbridge.mirakl.MiraklUnavailableException", "Lambda.ServiceException")
                    .doesNotContain("States.ALL", "States.Timeout", "io.shipbridge.carrier.CarrierRejectedException");
            if (transient_ != null) {
                assertThat(errors).as("the same passing faults at every step").isEqualTo(transient_);
            }
            transient_ = errors;
        }
        assertThat(routed).containsExactlyInAnyOrderElementsOf(
                Stream.of(WorkflowStep.values()).map(WorkflowStep::stateName).distinct().toList());
        assertThat(definition.path("States").path("WaitBeforeRetry").path("Next").asText())
                .isEqualTo("StartOrResume");
    }

    @Test
    void waitsAndFailuresNameKindsAndStatesTheFunctionsKnow() {
        for (JsonNode state : states()) {
            JsonNode payload = state.path("Parameters").path("Payload");
            if (payload.has("waitFor")) {
                assertThat(WaitKind.valueOf(payload.path("waitFor").asText())).isNotNull();
                assertThat(state.path("Resource").asText()).endsWith(".waitForTaskToken");
                assertThat(state.has("TimeoutSecondsPath") || state.has("TimeoutSeconds")).isTrue();
                assertThat(payload.path("taskToken.$").asText()).isEqualTo("$$.Task.Token");
            }
            if (payload.has("failedState")) {
                assertThat(OrderState.valueOf(payload.path("failedState").asText()).isFailure()).isTrue();
            }
        }
    }

    @Test
    void everyFunctionOfTheTemplateHasItsHandlerClass() throws Exception {
        List<CloudFormationTemplate.Resource> functions = template.ofType("AWS::Serverless::Function");
        for (CloudFormationTemplate.Resource function : functions) {
            String handler = function.properties().path("Handler").asText();
            Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));
            assertThat(type.getMethods()).as(handler).anyMatch(m -> m.getName().equals("handleRequest"));
            assertThat(type.getConstructor()).isNotNull();
        }
        Set<String> named = new TreeSet<>();
        functions.forEach(f -> {
            String handler = f.properties().path("Handler").asText();
            named.add(handler.substring(handler.lastIndexOf('.') + 1, handler.indexOf("::")));
        });
        try (Stream<Path> sources = Files.list(
                Fixtures.repositoryFile("functions/src/main/java/io/shipbridge/handler"))) {
            assertThat(named).as("every handler class is a function of the template").containsExactlyInAnyOrderElementsOf(
                    sources.map(p -> p.getFileName().toString().replace(".java", ""))
                            .filter(n -> n.endsWith("Handler") && !n.equals("TaskHandler")).toList());
        }
    }

    private static List<JsonNode> states() {
        List<JsonNode> states = new ArrayList<>();
        definition.path("States").forEach(states::add);
        return states;
    }
}
