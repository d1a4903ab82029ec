package io.shipbridge.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.app.Components;
import io.shipbridge.config.Config;
import io.shipbridge.config.Json;
import io.shipbridge.standins.CloudFormationTemplate;
import io.shipbridge.standins.LocalAws;
import io.shipbridge.testing.Fixtures;
import io.shipbridge.testing.TestStack;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * template.yaml and the code agree: each handler the template names exists and takes the events its triggers send;
 * each function can be built from exactly the environment the template gives it; every variable the template sets is
 * read, and every setting the code reads is either set by the template or documented in the README with its default.
 * (The state machine's placeholders: StateMachineDefinitionTest; every events/ file through its handler:
 * SampleEventsTest.)
 */
class TemplateConsistencyTest {
    @RegisterExtension
    static final TestStack STACK = new TestStack();

    /** Read by the JVM or by Powertools itself, not by Shipbridge's code. */
    private static final Set<String> READ_BY_LIBRARIES = Set.of("JAVA_TOOL_OPTIONS", "POWERTOOLS_LOG_LEVEL",
            "AWS_XRAY_CONTEXT_MISSING");
    private static final Pattern SETTING_READ = Pattern.compile(
            "(required|optional|get|getLong|list|field|parsed|url|choice|zone|json|positiveDecimal)"
                    + "\\(\\s*\"([A-Z][A-Z0-9_]+)\"");

    private static CloudFormationTemplate template;

    @BeforeAll
    static void read() {
        template = CloudFormationTemplate.read(Fixtures.repositoryFile("template.yaml"));
    }

    @Test
    void everyHandlerNamedInTheTemplateExistsAndTakesTheEventsOfItsTriggers() throws Exception {
        Set<String> stateMachineTasks = stateMachineTaskFunctions();
        for (CloudFormationTemplate.Resource function : template.ofType("AWS::Serverless::Function")) {
            String handler = function.properties().path("Handler").asText();
            assertThat(handler).as(function.logicalId()).endsWith("::handleRequest");
            Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));
            assertThat(type.getConstructor()).as(function.logicalId() + ": Lambda's no-argument constructor")
                    .isNotNull();
            Set<String> triggers = new TreeSet<>();
            function.properties().path("Events").forEach(event -> triggers.add(event.path("Type").asText()));
            if (stateMachineTasks.contains(function.logicalId())) {
                triggers.add("StateMachineTask");
            }
            assertThat(triggers).as(function.logicalId() + " is triggered by something").isNotEmpty();
            for (String trigger : triggers) {
                switch (trigger) {
                    case "HttpApi" -> assertThat(requestTypes(type)).as(function.logicalId())
                            .containsExactly(APIGatewayV2HTTPEvent.class, APIGatewayV2HTTPResponse.class);
                    case "SQS" -> assertThat(requestTypes(type)).as(function.logicalId() + ": partial batch failures")
                            .containsExactly(SQSEvent.class, SQSBatchResponse.class);
                    case "ScheduleV2" -> {
                        assertThat(RequestStreamHandler.class).as(function.logicalId()).isAssignableFrom(type);
                        for (JsonNode event : function.properties().path("Events")) {
                            if (event.path("Type").asText().equals("ScheduleV2")) {
                                Json.MAPPER.readValue(event.path("Properties").path("Input").asText(),
                                        taskInputType(type));
                            }
                        }
                    }
                    case "StateMachineTask" -> assertThat(RequestStreamHandler.class).as(function.logicalId())
                            .isAssignableFrom(type);
                    case "EventBridgeRule" -> {
                        assertThat(RequestStreamHandler.class).as(function.logicalId()).isAssignableFrom(type);
                        JsonNode pattern = function.properties().path("Events").findParent("Pattern").path("Pattern");
                        assertThat(pattern.path("source").toString()).as(function.logicalId() + " pattern")
                                .isEqualTo("[\"aws.s3\"]");
                        String prefix = pattern.path("detail").path("object").path("key").path(0).path("prefix")
                                .asText();
                        String sample = sampleEventForKeyPrefix(prefix);
                        Object input = Json.MAPPER.readValue(Fixtures.repositoryText("events/" + sample),
                                taskInputType(type));
                        assertThat(input.toString()).as(function.logicalId() + " reads S3's Object Created event")
                                .contains(prefix);
                    }
                    default -> throw new AssertionError(function.logicalId() + ": trigger " + trigger
                            + " is not checked here: add it");
                }
            }
        }
    }

    @Test
    void everyFunctionBuildsFromTheEnvironmentTheTemplateGivesIt() throws Exception {
        for (CloudFormationTemplate.Resource function : template.ofType("AWS::Serverless::Function")) {
            Map<String, String> settings = new HashMap<>(STACK.awsSettings());
            settings.putAll(environmentOf(function));
            String handler = function.properties().path("Handler").asText();
            Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));
            Components components = new Components(Config.of(settings), LocalAws.CREDENTIALS, Clock.systemUTC(),
                    duration -> { });
            assertThat(type.getConstructor(Components.class).newInstance(components)).as(function.logicalId())
                    .isNotNull();
        }
    }

    @Test
    void everyVariableTheTemplateSetsIsReadByTheCode() throws IOException {
        Set<String> read = settingsReadByTheCode();
        Set<String> set = new TreeSet<>();
        template.section("Globals").path("Function").path("Environment").path("Variables").fieldNames()
                .forEachRemaining(set::add);
        for (CloudFormationTemplate.Resource function : template.ofType("AWS::Serverless::Function")) {
            function.properties().path("Environment").path("Variables").fieldNames().forEachRemaining(set::add);
        }
        set.removeAll(READ_BY_LIBRARIES);

        assertThat(read).as("settings read by the code").isNotEmpty();
        assertThat(read).containsAll(set);
    }

    @Test
    void everySettingTheCodeReadsIsSetByTheTemplateOrDocumentedWithItsDefault() throws IOException {
        Set<String> set = new TreeSet<>();
        template.section("Globals").path("Function").path("Environment").path("Variables").fieldNames()
                .forEachRemaining(set::add);
        for (CloudFormationTemplate.Resource function : template.ofType("AWS::Serverless::Function")) {
            function.properties().path("Environment").path("Variables").fieldNames().forEachRemaining(set::add);
        }
        String readme = Fixtures.repositoryText("README.md");
        Set<String> undocumented = new TreeSet<>();
        for (String name : settingsReadByTheCode()) {
            // AWS_* are the SDK's own endpoint and region settings, set by Lambda or by local runs.
            if (!set.contains(name) && !name.startsWith("AWS_") && !readme.contains("`" + name + "`")) {
                undocumented.add(name);
            }
        }

        assertThat(undocumented).as("read by the code, neither set by template.yaml nor in the README").isEmpty();
    }

    @Test
    void everyShipbridgeMetricTheAlarmsAndTheDashboardShowIsOneTheCodeEmits() throws IOException {
        String emitting = Fixtures.repositoryText("functions/src/main/java/io/shipbridge/metrics/OrderMetrics.java");
        Set<String> shown = new TreeSet<>();
        for (CloudFormationTemplate.Resource alarm : template.ofType("AWS::CloudWatch::Alarm")) {
            if (alarm.properties().path("Namespace").asText().equals("Shipbridge")) {
                shown.add(alarm.properties().path("MetricName").asText());
            }
        }
        JsonNode sub = template.resources().get("OperationsDashboard").properties().path("DashboardBody")
                .path("Fn::Sub");
        String body = (sub.isArray() ? sub.path(0) : sub).asText();
        JsonNode dashboard = Json.MAPPER.readTree(body.replaceAll("\\$\\{[^}]+}", "x"));
        assertThat(dashboard.path("widgets")).as("dashboard widgets").isNotEmpty();
        Matcher metric = Pattern.compile("\\[\"Shipbridge\", \"(\\w+)\"|MetricName=\\\\\"(\\w+)\\\\\"").matcher(body);
        while (metric.find()) {
            shown.add(metric.group(1) != null ? metric.group(1) : metric.group(2));
        }
        shown.removeIf(name -> !Character.isUpperCase(name.charAt(0)));

        assertThat(shown).as("Shipbridge metrics shown").contains("ProcessingTime", "OrdersInState", "OrdersFailed");
        for (String name : shown) {
            assertThat(emitting).as(name + " is emitted by OrderMetrics").contains("\"" + name + "\"");
        }
    }

    /** The names of settings read through Config or Secrets anywhere in the deployed code. */
    private static Set<String> settingsReadByTheCode() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Fixtures.repositoryFile("functions/src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = SETTING_READ.matcher(Files.readString(source));
                while (matcher.find()) {
                    names.add(matcher.group(2));
                }
            }
        }
        return names;
    }

    /** A function's template environment, each intrinsic replaced by a value of the right shape. */
    /** The sample event of S3's Object Created for a key under the prefix (one must exist for every such rule). */
    private static String sampleEventForKeyPrefix(String prefix) throws IOException {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(
                Fixtures.repositoryFile("events"))) {
            for (java.nio.file.Path file : files.sorted().toList()) {
                JsonNode event = Json.MAPPER.readTree(java.nio.file.Files.readString(file));
                if (event.path("detail").path("object").path("key").asText().startsWith(prefix)) {
                    return file.getFileName().toString();
                }
            }
        }
        throw new AssertionError("No sample event in events/ for an object created under " + prefix);
    }

    private static Map<String, String> environmentOf(CloudFormationTemplate.Resource function) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (JsonNode variables : List.of(template.section("Globals").path("Function").path("Environment")
                .path("Variables"), function.properties().path("Environment").path("Variables"))) {
            Iterator<Map.Entry<String, JsonNode>> fields = variables.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                environment.put(field.getKey(), valueOf(field.getKey(), field.getValue()));
            }
        }
        return environment;
    }

    private static String valueOf(String name, JsonNode value) {
        if (value.isValueNode()) {
            return value.asText();
        }
        String reference = value.path("Ref").asText(value.path("Fn::GetAtt").path(0).asText(""));
        JsonNode parameter = template.section("Parameters").path(reference);
        if (parameter.has("Default") && !parameter.path("Default").asText().isEmpty()) {
            return parameter.path("Default").asText();
        }
        if (name.endsWith("_URL")) {
            return "https://" + reference.toLowerCase() + ".example";
        }
        if (name.endsWith("_COUNTRY")) {
            return "ES";
        }
        if (name.endsWith("_CODES")) {
            return "{\"canadapost\":\"CPCL\"}";
        }
        return reference.isEmpty() ? "value-of-" + name : "value-of-" + reference;
    }

    private static Set<String> stateMachineTaskFunctions() {
        Set<String> functions = new TreeSet<>();
        template.ofType("AWS::Serverless::StateMachine").forEach(machine -> machine.properties()
                .path("DefinitionSubstitutions").forEach(value -> {
                    String reference = value.path("Ref").asText(value.path("Fn::GetAtt").path(0).asText(""));
                    functions.add(reference.contains(".") ? reference.substring(0, reference.indexOf('.'))
                            : reference);
                }));
        return functions;
    }

    private static Class<?>[] requestTypes(Class<?> type) {
        for (Type candidate : type.getGenericInterfaces()) {
            if (candidate instanceof ParameterizedType parameterized
                    && parameterized.getRawType() == RequestHandler.class) {
                Type[] arguments = parameterized.getActualTypeArguments();
                return new Class<?>[] {(Class<?>) arguments[0], (Class<?>) arguments[1]};
            }
        }
        return new Class<?>[0];
    }

    /** The record a task handler reads its JSON input into: its TaskHandler's first type argument. */
    private static Class<?> taskInputType(Class<?> type) {
        Type superclass = type.getGenericSuperclass();
        if (superclass instanceof ParameterizedType parameterized) {
            Type input = parameterized.getActualTypeArguments()[0];
            return input instanceof ParameterizedType generic ? (Class<?>) generic.getRawType() : (Class<?>) input;
        }
        throw new AssertionError(type + " is not a task handler");
    }
}
