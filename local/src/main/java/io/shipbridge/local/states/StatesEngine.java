package io.shipbridge.local.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import io.shipbridge.local.cost.BillableUnit;
import io.shipbridge.local.cost.UsageMeter;
import io.shipbridge.local.time.SimulatedTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Runs Amazon States Language state machines in this JVM, one virtual thread per execution, in simulated time:
 * the operations of the Step Functions API (StartExecution with name idempotency, SendTaskSuccess/Failure/Heartbeat,
 * DescribeExecution, GetExecutionHistory, StopExecution) as plain methods, which {@link StepFunctionsServer} serves.
 */
public final class StatesEngine implements AutoCloseable {
    private final SimulatedTime time;
    private final LambdaInvoker lambda;
    private final RandomGenerator random;
    private final Map<String, StateMachine> machines = new ConcurrentHashMap<>();
    private final Map<String, Execution> executions = new ConcurrentHashMap<>();
    private final List<Consumer<Execution>> onEnd = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final TaskTokens tokens = new TaskTokens();
    private final UsageMeter usage;

    public StatesEngine(SimulatedTime time, LambdaInvoker lambda, RandomGenerator random) {
        this(time, lambda, random, new UsageMeter());
    }

    /** @param usage where the executions count their state transitions and traces, as AWS bills them */
    public StatesEngine(SimulatedTime time, LambdaInvoker lambda, RandomGenerator random, UsageMeter usage) {
        this.usage = usage;
        this.time = time;
        this.lambda = lambda;
        this.random = random;
    }

    /** Counts one state transition: a state entered, or a Retry of one. */
    void transition() {
        usage.add(BillableUnit.STATE_TRANSITIONS);
    }

    public StateMachine register(StateMachine machine) {
        machines.put(machine.arn(), machine);
        return machine;
    }

    public List<StateMachine> stateMachines() {
        return List.copyOf(machines.values());
    }

    /** Called with every execution that ends, in the thread that ended it. */
    public void onExecutionEnd(Consumer<Execution> listener) {
        onEnd.add(listener);
    }

    /**
     * Starts an execution. A name in use is refused with ExecutionAlreadyExists, unless its execution is still
     * running with the same input: then that execution is returned, as Step Functions does.
     */
    public Execution start(String stateMachineArn, String name, String input) {
        StateMachine machine = machines.get(stateMachineArn);
        if (machine == null) {
            throw new StatesApiException("StateMachineDoesNotExist", "State Machine Does Not Exist: '"
                    + stateMachineArn + "'");
        }
        String executionName = name == null || name.isBlank() ? UUID.randomUUID().toString() : name;
        if (executionName.length() > 80 || !executionName.matches("[A-Za-z0-9_-]+")) {
            throw new StatesApiException("InvalidName", "Invalid Name: '" + executionName + "'");
        }
        String json = input == null || input.isBlank() ? "{}" : input;
        try {
            Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new StatesApiException("InvalidExecutionInput", "Invalid State Machine Execution Input: " + e);
        }
        String arn = machine.arn().replace(":stateMachine:", ":execution:") + ":" + executionName;
        synchronized (executions) {
            Execution existing = executions.get(arn);
            if (existing != null) {
                if (existing.status() == Execution.Status.RUNNING && Objects.equals(existing.input(), json)) {
                    return existing;
                }
                throw new StatesApiException("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
            }
            Execution execution = new Execution(arn, executionName, machine, json, time.instant());
            usage.add(BillableUnit.XRAY_TRACES);
            executions.put(arn, execution);
            // The execution holds the clock from its start, taken before the caller goes on, until it ends.
            SimulatedTime.Hold held = time.hold();
            ExecutionRun run = new ExecutionRun(this, execution);
            Thread thread = Thread.ofVirtual().name("execution-" + executionName).unstarted(() -> {
                try (held) {
                    run.run();
                }
            });
            execution.thread(thread);
            thread.start();
            return execution;
        }
    }

    public Execution describe(String executionArn) {
        Execution execution = executions.get(executionArn);
        if (execution == null) {
            throw new StatesApiException("ExecutionDoesNotExist", "Execution Does Not Exist: '" + executionArn + "'");
        }
        return execution;
    }

    public List<Execution> executions() {
        return new ArrayList<>(executions.values());
    }

    public void stop(String executionArn, String error, String cause) {
        Execution execution = describe(executionArn);
        ObjectNode details = Json.MAPPER.createObjectNode();
        putIfPresent(details, "error", error);
        putIfPresent(details, "cause", cause);
        if (end(execution, Execution.Status.ABORTED, null, error, cause, "ExecutionAborted", details)) {
            execution.interrupt();
        }
    }

    public void sendTaskSuccess(String token, String output) {
        JsonNode parsed;
        try {
            parsed = Json.MAPPER.readTree(output == null ? "null" : output);
        } catch (Exception e) {
            throw new StatesApiException("InvalidOutput", "Invalid Output: " + e.getMessage());
        }
        refusedAsApiError(() -> tokens.succeed(token, parsed));
    }

    public void sendTaskFailure(String token, String error, String cause) {
        refusedAsApiError(() -> tokens.fail(token, error, cause));
    }

    public void sendTaskHeartbeat(String token) {
        refusedAsApiError(() -> tokens.heartbeat(token, time.instant()));
    }

    private static void refusedAsApiError(Runnable call) {
        try {
            call.run();
        } catch (TaskTokens.TokenRefused e) {
            throw new StatesApiException(e.type, e.getMessage());
        }
    }

    boolean end(Execution execution, Execution.Status status, String output, String error, String cause,
            String eventType, ObjectNode details) {
        String detailsField = Character.toLowerCase(eventType.charAt(0)) + eventType.substring(1) + "EventDetails";
        boolean ended = execution.finish(status, time.instant(), output, error, cause, eventType, detailsField,
                details);
        if (ended) {
            onEnd.forEach(listener -> listener.accept(execution));
        }
        return ended;
    }

    SimulatedTime time() {
        return time;
    }

    LambdaInvoker lambda() {
        return lambda;
    }

    RandomGenerator random() {
        return random;
    }

    /** Task tokens issued and not yet sent back, timed out or closed with their execution. */
    public int openTaskTokens() {
        return tokens.open();
    }

    TaskTokens tokens() {
        return tokens;
    }

    static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    @Override
    public void close() {
        executions.values().forEach(Execution::interrupt);
    }

    /** The wall-clock now, for events that mark when something really happened. */
    Instant now() {
        return time.instant();
    }
}
