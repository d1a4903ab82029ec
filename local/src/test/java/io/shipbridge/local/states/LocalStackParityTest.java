package io.shipbridge.local.states;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import io.shipbridge.standins.CloudFormationTemplate;
import io.shipbridge.standins.LocalStackHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * The shipped order state machine, run path by path under LocalStack's own Step Functions (host mode, its Lambda tasks
 * answered by mocked service integrations) and under the offline cloud's executor with the same answers: each path
 * must enter the same states and end the same way, with the same error, cause and output. LocalStack is a second,
 * independent interpreter of the definition (its Step Functions is checked against AWS by snapshot tests); a mistake
 * the executor and the project's tests share shows up here as a difference.
 *
 * <p>Both run one copy of the definition in which each Task invokes a function named after its state (mocks answer by
 * state) and retries wait one second without backoff or jitter (the paths, not the timings, are compared).
 *
 * <p>Timeouts are not among the paths: in mocked mode LocalStack does not wait for a callback at all, and a mocked
 * error named {@code States.Timeout} is to it a task's own error (which {@code States.ALL} catches), not a timeout.
 * {@link OrderFulfillmentPathsTest} runs them on the executor.
 */
class LocalStackParityTest {
    private static final String MACHINE = "OrderParity";
    private static final String ACCOUNT = "000000000000";
    private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:";

    private static LocalStackHost localStack;
    private static SfnClient sfn;
    private static String definition;
    private static String machineArn;
    private static final List<String> AGREEING = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final List<String> DIFFERING = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** One Task's answer to one invocation: a result, or an error with its cause. */
    record Answer(JsonNode result, String error, String cause) {
        static Answer ok() {
            return new Answer(Json.MAPPER.createObjectNode(), null, null);
        }

        static Answer returning(String json) {
            return new Answer(json(json), null, null);
        }

        static Answer fails(String error) {
            return new Answer(null, error, "{\"errorMessage\":\"" + error.substring(error.lastIndexOf('.') + 1)
                    + " in the test\",\"errorType\":\"" + error + "\"}");
        }

        /** The same answer {@code times} in a row. */
        List<Answer> times(int times) {
            return java.util.Collections.nCopies(times, this);
        }
    }

    /** A path: the execution's input and, per Task state, its answers to successive invocations. */
    record Script(String name, String input, Map<String, List<Answer>> answers) {
    }

    private static final class ScriptBuilder {
        private final String name;
        private final String input;
        private final Map<String, List<Answer>> answers = new LinkedHashMap<>();

        ScriptBuilder(String name, String input) {
            this.name = name;
            this.input = input;
        }

        ScriptBuilder then(String state, Answer... answers) {
            this.answers.computeIfAbsent(state, s -> new ArrayList<>()).addAll(List.of(answers));
            return this;
        }

        ScriptBuilder then(String state, List<Answer> answers) {
            this.answers.computeIfAbsent(state, s -> new ArrayList<>()).addAll(answers);
            return this;
        }

        Script build() {
            return new Script(name, input, answers);
        }
    }

    private static ScriptBuilder path(String name, String input) {
        return new ScriptBuilder(name, input);
    }

    private static final String NEW = "{\"orderId\": \"P-1\"}";
    private static final String MIRAKL_DOWN = "io.shipbridge.mirakl.MiraklUnavailableException";
    private static final String CARRIER_DOWN = "io.shipbridge.carrier.CarrierUnavailableException";
    private static final String CANCELLED = "io.shipbridge.order.OrderCancelledException";
    private static final String CONFLICT = "io.shipbridge.order.ConcurrentTransitionException";
    private static final String LAMBDA_FAULT = "Lambda.ServiceException";
    private static final String UNEXPECTED = "java.lang.IllegalStateException";

    private static Answer resumeAt(String step) {
        return Answer.returning("{\"at\": \"" + step + "\", \"waitSeconds\": 0}");
    }

    static List<Script> scripts() {
        Answer ok = Answer.ok();
        return List.of(
                path("NewOrder", NEW).then("AcceptOrder", ok).then("CreateShipment", ok).then("PushTracking", ok)
                        .build(),
                path("ResumedAtAcceptOrder", "{\"orderId\": \"P-1\", \"resume\": {\"at\": \"AcceptOrder\"}}")
                        .then("AcceptOrder", ok).then("CreateShipment", ok).then("PushTracking", ok).build(),
                path("ResumedAtCreateShipment", "{\"orderId\": \"P-1\", \"resume\": {\"at\": \"CreateShipment\"}}")
                        .then("CreateShipment", ok).then("PushTracking", ok).build(),
                path("ResumedAtPushTracking", "{\"orderId\": \"P-1\", \"resume\": {\"at\": \"PushTracking\"}}")
                        .then("PushTracking", ok).build(),
                path("NoOrderId", "{\"order\": \"P-1\"}").build(),
                path("OrderIdNotAString", "{\"orderId\": 7}").build(),
                path("UnknownResumeStep", "{\"orderId\": \"P-1\", \"resume\": {\"at\": \"Ship\"}}")
                        .then("RecordFailure", ok).build(),
                path("MiraklDownOnce", NEW).then("AcceptOrder", Answer.fails(MIRAKL_DOWN), ok)
                        .then("CreateShipment", ok).then("PushTracking", ok).build(),
                path("MiraklDownPastItsRetriesThenBack", NEW)
                        .then("AcceptOrder", Answer.fails(MIRAKL_DOWN).times(6)).then("AcceptOrder", ok)
                        .then("ScheduleRetry", resumeAt("AcceptOrder"))
                        .then("CreateShipment", ok).then("PushTracking", ok).build(),
                path("CancelledBeforeAcceptance", NEW).then("AcceptOrder", Answer.fails(CANCELLED)).build(),
                path("AcceptanceRefused", NEW).then("AcceptOrder", Answer.fails(UNEXPECTED))
                        .then("RecordAcceptanceFailed", ok).build(),
                path("ConflictsNotPastTheirRetries", NEW).then("AcceptOrder", Answer.fails(CONFLICT).times(5))
                        .then("AcceptOrder", ok).then("CreateShipment", ok).then("PushTracking", ok).build(),
                path("CancelledBeforeShipping", NEW).then("AcceptOrder", ok)
                        .then("CreateShipment", Answer.fails(CANCELLED)).build(),
                path("CarrierDownPastItsRetriesThenBack", NEW).then("AcceptOrder", ok)
                        .then("CreateShipment", Answer.fails(CARRIER_DOWN).times(6)).then("CreateShipment", ok)
                        .then("ScheduleRetry", resumeAt("CreateShipment")).then("PushTracking", ok).build(),
                path("ShipmentRefused", NEW).then("AcceptOrder", ok).then("CreateShipment", Answer.fails(UNEXPECTED))
                        .then("RecordPostFailed", ok).build(),
                path("LabelNeverValidUntilRecoveryEnds", NEW).then("AcceptOrder", ok)
                        .then("CreateShipment", Answer.fails("io.shipbridge.carrier.InvalidLabelException"))
                        .then("ScheduleRetry", Answer.fails("io.shipbridge.fulfilment.RecoveryExhaustedException"))
                        .then("RecordFailure", ok).build(),
                path("CancelledAfterShipping", NEW).then("AcceptOrder", ok).then("CreateShipment", ok)
                        .then("PushTracking", Answer.fails(CANCELLED)).build(),
                path("TrackingRefused", NEW).then("AcceptOrder", ok).then("CreateShipment", ok)
                        .then("PushTracking", Answer.fails(UNEXPECTED)).then("RecordPushFailed", ok).build(),
                path("LambdaFaultsNotPastTheirRetries", NEW).then("AcceptOrder", ok).then("CreateShipment", ok)
                        .then("PushTracking", Answer.fails(LAMBDA_FAULT).times(2)).then("PushTracking", ok).build(),
                path("SchedulingFails", NEW).then("AcceptOrder", Answer.fails(MIRAKL_DOWN).times(6))
                        .then("ScheduleRetry", Answer.fails(UNEXPECTED)).then("RecordFailure", ok).build(),
                path("CancelledWhileRetrying", NEW).then("AcceptOrder", Answer.fails(MIRAKL_DOWN).times(6))
                        .then("ScheduleRetry", Answer.fails(CANCELLED)).build(),
                path("FailureNeverRecorded", "{\"orderId\": \"P-1\", \"resume\": {\"at\": \"Ship\"}}")
                        .then("RecordFailure", Answer.fails(UNEXPECTED).times(4)).build(),
                path("FailureRecordedAfterAConflict", "{\"orderId\": \"P-1\", \"resume\": {\"at\": \"Ship\"}}")
                        .then("RecordFailure", Answer.fails(CONFLICT), ok).build(),
                path("RecordingRetriedAsAnyTaskFailure", NEW).then("AcceptOrder", ok)
                        .then("CreateShipment", Answer.fails(UNEXPECTED))
                        .then("RecordPostFailed", Answer.fails(UNEXPECTED).times(2)).then("RecordPostFailed", ok)
                        .build());
    }

    @BeforeAll
    static void startLocalStack() throws IOException, InterruptedException {
        Optional<Path> python = LocalStackHost.findPython();
        if (python.isEmpty()) {
            String why = "LocalStack parity skipped: no Python 3.12 or newer found (set SHIPBRIDGE_PYTHON to one)";
            System.out.println(why);
            Assumptions.abort(why);
        }
        definition = parityDefinition();
        Path mocks = Files.createTempFile("sfn-mock-config-", ".json");
        Files.writeString(mocks, Json.write(mockConfig(scripts())));
        localStack = LocalStackHost.start(python.get(), "stepfunctions",
                Map.of("SFN_MOCK_CONFIG", mocks.toString()));
        sfn = SfnClient.builder().endpointOverride(localStack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        machineArn = sfn.createStateMachine(c -> c.name(MACHINE).definition(definition)
                .roleArn("arn:aws:iam::" + ACCOUNT + ":role/parity")).stateMachineArn();
    }

    /** What CI prints: how many paths agree, and which do not. */
    @AfterAll
    static void stopLocalStack() throws IOException {
        if (!AGREEING.isEmpty() || !DIFFERING.isEmpty()) {
            String summary = String.format("LocalStack %s (host mode): %d of %d paths of the order state machine end"
                    + " the same as under the offline cloud's executor%s%n", LocalStackHost.VERSION, AGREEING.size(),
                    AGREEING.size() + DIFFERING.size(), DIFFERING.isEmpty() ? "" : "; they differ on " + DIFFERING);
            System.out.print(summary);
            Files.writeString(Path.of("target", "localstack-parity.txt"), summary);
        }
        if (sfn != null) {
            sfn.close();
        }
        if (localStack != null) {
            localStack.close();
        }
    }

    /** Every path, started on LocalStack at once (their retries wait in parallel), then compared one by one. */
    @TestFactory
    Stream<DynamicTest> everyPathEndsAsUnderLocalStack() {
        List<Script> scripts = scripts();
        Map<String, String> started = new LinkedHashMap<>();
        for (Script script : scripts) {
            started.put(script.name(), sfn.startExecution(s -> s.stateMachineArn(machineArn + "#" + script.name())
                    .name(script.name()).input(script.input())).executionArn());
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Script script : scripts) {
            tests.add(DynamicTest.dynamicTest(script.name(), () -> {
                Ending localStackEnding = localStackEnding(started.get(script.name()));
                Ending engineEnding = engineEnding(script);
                (engineEnding.equals(localStackEnding) ? AGREEING : DIFFERING).add(script.name());
                assertThat(engineEnding).as("%s under the executor, against LocalStack's log %s", script.name(),
                        localStack.log()).isEqualTo(localStackEnding);
            }));
        }
        return tests.stream();
    }

    /** How an execution ended: what both interpreters must agree on. */
    record Ending(String status, List<String> statesEntered, String error, String cause, JsonNode output) {
    }

    private static Ending localStackEnding(String executionArn) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        DescribeExecutionResponse execution;
        while ((execution = sfn.describeExecution(d -> d.executionArn(executionArn))).status()
                == ExecutionStatus.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Still running under LocalStack after 3 minutes: " + executionArn);
            }
            Thread.sleep(100);
        }
        List<String> entered = new ArrayList<>();
        for (HistoryEvent event : sfn.getExecutionHistoryPaginator(h -> h.executionArn(executionArn)).events()) {
            if (event.stateEnteredEventDetails() != null) {
                entered.add(event.stateEnteredEventDetails().name());
            }
        }
        return new Ending(execution.statusAsString(), entered, execution.error(), execution.cause(),
                execution.output() == null ? null : json(execution.output()));
    }

    private static Ending engineEnding(Script script) {
        Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        try (Machines machines = new Machines()) {
            for (String state : taskStates()) {
                machines.functions.put(state, payload -> {
                    List<Answer> answers = script.answers().get(state);
                    int attempt = attempts.computeIfAbsent(state, s -> new AtomicInteger()).getAndIncrement();
                    if (answers == null || attempt >= answers.size()) {
                        throw new StatesError("Lambda.ResourceNotFoundException", "The script of " + script.name()
                                + " has no answer " + attempt + " for " + state);
                    }
                    Answer answer = answers.get(attempt);
                    if (answer.error() != null) {
                        throw new StatesError(answer.error(), answer.cause());
                    }
                    if (payload.has("taskToken")) {
                        machines.engine.sendTaskSuccess(payload.path("taskToken").asText(), Json.write(answer.result()));
                        return Json.MAPPER.createObjectNode();
                    }
                    return answer.result();
                });
            }
            Execution execution = machines.run(definition, script.input());
            return new Ending(execution.status().name(), execution.statesEntered(), execution.error(),
                    execution.cause(), execution.output() == null ? null : json(execution.output()));
        }
    }

    /**
     * Step Functions Local's mock configuration (which LocalStack reads): per path, a mocked response for each Task
     * state, answering its successive invocations in order. A waitForTaskToken Task's mocked answer is the callback's
     * output; a plain Lambda invoke's is the Invoke API's response around the function's payload.
     */
    static ObjectNode mockConfig(List<Script> scripts) {
        ObjectNode config = Json.MAPPER.createObjectNode();
        ObjectNode cases = config.putObject("StateMachines").putObject(MACHINE).putObject("TestCases");
        ObjectNode responses = config.putObject("MockedResponses");
        JsonNode states = json(definition).path("States");
        for (Script script : scripts) {
            ObjectNode testCase = cases.putObject(script.name());
            script.answers().forEach((state, answers) -> {
                String response = script.name() + "." + state;
                testCase.put(state, response);
                boolean callback = states.path(state).path("Resource").asText().endsWith(".waitForTaskToken");
                ObjectNode byAttempt = responses.putObject(response);
                for (int i = 0; i < answers.size(); i++) {
                    Answer answer = answers.get(i);
                    if (answer.error() != null) {
                        byAttempt.putObject(Integer.toString(i)).putObject("Throw").put("Error", answer.error())
                                .put("Cause", answer.cause());
                    } else {
                        byAttempt.putObject(Integer.toString(i)).set("Return", callback ? answer.result()
                                : invokeResponse(answer.result()));
                    }
                }
            });
        }
        return config;
    }

    private static ObjectNode invokeResponse(JsonNode payload) {
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.put("ExecutedVersion", "$LATEST");
        response.set("Payload", payload);
        response.putObject("SdkHttpMetadata").put("HttpStatusCode", 200);
        response.putObject("SdkResponseMetadata").put("RequestId", "parity");
        response.put("StatusCode", 200);
        return response;
    }

    /** The shipped definition, each Task invoking a function named after its state, retries a second apart. */
    private static String parityDefinition() {
        ObjectNode machine = (ObjectNode) json(CloudFormationTemplate.read(CloudFormationTemplate.locate())
                .definitionWithDefaults("OrderStateMachine").replaceAll("\\$\\{[A-Za-z]+FunctionArn}", "pending"));
        machine.path("States").fields().forEachRemaining(entry -> {
            ObjectNode state = (ObjectNode) entry.getValue();
            if (state.path("Type").asText().equals("Task")) {
                ((ObjectNode) state.path("Parameters")).put("FunctionName", FUNCTION_ARN + entry.getKey());
            }
            for (JsonNode retrier : state.path("Retry")) {
                ObjectNode retry = (ObjectNode) retrier;
                retry.put("IntervalSeconds", 1).put("BackoffRate", 1.0);
                retry.remove("MaxDelaySeconds");
                retry.remove("JitterStrategy");
            }
        });
        return Json.write(machine);
    }

    private static List<String> taskStates() {
        List<String> tasks = new ArrayList<>();
        json(definition).path("States").fields().forEachRemaining(entry -> {
            if (entry.getValue().path("Type").asText().equals("Task")) {
                tasks.add(entry.getKey());
            }
        });
        return tasks;
    }

    private static JsonNode json(String text) {
        return Json.read(text, JsonNode.class);
    }
}
