package io.shipbridge.local.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import io.shipbridge.local.time.SimulatedTime;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs one execution through its states, as the Amazon States Language specification describes: input and output
 * processing (InputPath, Parameters, ResultSelector, ResultPath, OutputPath), Retry and Catch, timeouts and heartbeats,
 * callbacks with task tokens, Map and Parallel, every wait in simulated time. Each step is recorded in the history.
 */
final class ExecutionRun implements Runnable {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String ROLE = "arn:aws:iam::000000000000:role/shipbridge-offline-cloud";

    private final StatesEngine engine;
    private final Execution execution;
    private final SimulatedTime time;
    private JsonNode executionInput;

    /** Thrown through the states when the execution is stopped. */
    private static final class Aborted extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** Where a state leads: its output and the next state, or none at the end. */
    private record Step(JsonNode output, String next) {
    }

    ExecutionRun(StatesEngine engine, Execution execution) {
        this.engine = engine;
        this.execution = execution;
        this.time = engine.time();
    }

    @Override
    public void run() {
        ObjectNode started = JSON.objectNode().put("input", execution.input()).put("roleArn", ROLE);
        record("ExecutionStarted", "executionStartedEventDetails", started);
        try {
            executionInput = Json.MAPPER.readTree(execution.input());
            JsonNode output = runMachine(execution.stateMachine().definition(), executionInput, null);
            engine.end(execution, Execution.Status.SUCCEEDED, output.toString(), null, null, "ExecutionSucceeded",
                    JSON.objectNode().put("output", output.toString()));
        } catch (StatesError e) {
            failExecution(e.error(), e.errorCause());
        } catch (Aborted stopped) {
            // StopExecution recorded it.
        } catch (RuntimeException | java.io.IOException e) {
            failExecution(StatesError.RUNTIME, "The offline cloud failed: " + e);
        }
    }

    private void failExecution(String error, String cause) {
        ObjectNode details = JSON.objectNode().put("error", error);
        StatesEngine.putIfPresent(details, "cause", cause);
        engine.end(execution, Execution.Status.FAILED, null, error, cause, "ExecutionFailed", details);
    }

    private JsonNode runMachine(JsonNode machine, JsonNode input, JsonNode mapItem) {
        String name = machine.path("StartAt").asText();
        JsonNode data = input;
        while (true) {
            if (execution.status() != Execution.Status.RUNNING || Thread.currentThread().isInterrupted()) {
                throw new Aborted();
            }
            JsonNode state = machine.path("States").get(name);
            if (state == null) {
                throw StatesError.runtime("There is no state named '" + name + "'");
            }
            String problem = StateMachine.unsupportedIn(name, state);
            if (problem != null) {
                throw StatesError.runtime("The offline cloud does not support " + problem);
            }
            String type = state.path("Type").asText();
            Instant entered = time.instant();
            engine.transition();
            record(type + "StateEntered", "stateEnteredEventDetails",
                    JSON.objectNode().put("name", name).put("input", data.toString()));
            Step step = switch (type) {
                case "Task" -> task(name, state, data, mapItem, entered);
                case "Pass" -> pass(name, state, data, mapItem, entered);
                case "Choice" -> choice(name, state, data, mapItem, entered);
                case "Wait" -> waitState(name, state, data, mapItem, entered);
                case "Succeed" -> new Step(outputPath(state, inputPath(state, data, context(name, entered, 0,
                        mapItem, null)), null), null);
                case "Fail" -> throw fail(state, data);
                case "Map" -> map(name, state, data, mapItem, entered);
                case "Parallel" -> parallel(name, state, data, mapItem, entered);
                default -> throw StatesError.runtime("Unknown state type " + type);
            };
            record(type + "StateExited", "stateExitedEventDetails",
                    JSON.objectNode().put("name", name).put("output", step.output().toString()));
            if (step.next() == null) {
                return step.output();
            }
            name = step.next();
            data = step.output();
        }
    }

    private Step task(String name, JsonNode state, JsonNode input, JsonNode mapItem, Instant entered) {
        String resource = state.path("Resource").asText();
        return withRetryAndCatch(state, input, retryCount -> {
            boolean callback = resource.equals(StateMachine.LAMBDA_INVOKE_WAIT);
            String token = callback ? engine.tokens().issue(execution, time.instant()) : null;
            try {
                ObjectNode context = context(name, entered, retryCount, mapItem, token);
                JsonNode effective = inputPath(state, input, context);
                JsonNode parameters = state.has("Parameters")
                        ? PayloadTemplates.apply(state.get("Parameters"), effective, context) : effective;
                Duration timeout = seconds(state, "TimeoutSeconds", effective, context);
                Duration heartbeat = seconds(state, "HeartbeatSeconds", effective, context);
                String resourceType = "lambda";
                String resourceName = resource.startsWith("arn:aws:lambda:") ? resource
                        : resource.substring(resource.indexOf("lambda:") + "lambda:".length());
                ObjectNode scheduled = JSON.objectNode().put("resourceType", resourceType)
                        .put("resource", resourceName).put("region", region()).put("parameters", parameters.toString());
                if (timeout != null) {
                    scheduled.put("timeoutInSeconds", timeout.toSeconds());
                }
                if (heartbeat != null) {
                    scheduled.put("heartbeatInSeconds", heartbeat.toSeconds());
                }
                record("TaskScheduled", "taskScheduledEventDetails", scheduled);
                record("TaskStarted", "taskStartedEventDetails",
                        JSON.objectNode().put("resourceType", resourceType).put("resource", resourceName));
                JsonNode result;
                try {
                    result = runTask(resource, parameters, token, timeout, heartbeat);
                } catch (StatesError e) {
                    boolean timedOut = StatesError.TIMEOUT.equals(e.error())
                            || StatesError.HEARTBEAT_TIMEOUT.equals(e.error());
                    ObjectNode failed = JSON.objectNode().put("resourceType", resourceType)
                            .put("resource", resourceName).put("error", e.error());
                    StatesEngine.putIfPresent(failed, "cause", e.errorCause());
                    record(timedOut ? "TaskTimedOut" : "TaskFailed",
                            timedOut ? "taskTimedOutEventDetails" : "taskFailedEventDetails", failed);
                    throw e;
                }
                record("TaskSucceeded", "taskSucceededEventDetails", JSON.objectNode().put("resourceType",
                        resourceType).put("resource", resourceName).put("output", result.toString()));
                JsonNode selected = state.has("ResultSelector")
                        ? PayloadTemplates.apply(state.get("ResultSelector"), result, context) : result;
                return new Step(outputPath(state, resultPath(state, input, selected), context), next(state));
            } finally {
                if (token != null) {
                    engine.tokens().close(token);
                }
            }
        });
    }

    private JsonNode runTask(String resource, JsonNode parameters, String token, Duration timeout,
            Duration heartbeat) {
        Instant deadline = timeout == null ? null : time.instant().plus(timeout);
        if (resource.startsWith("arn:aws:lambda:")) {
            return within(deadline, () -> engine.lambda().invoke(resource, parameters));
        }
        if (!parameters.hasNonNull("FunctionName")) {
            throw new StatesError(StatesError.RUNTIME, "A lambda:invoke task needs Parameters.FunctionName");
        }
        String function = parameters.get("FunctionName").asText();
        JsonNode payload = parameters.has("Payload") ? parameters.get("Payload") : JSON.objectNode();
        if (token == null) {
            JsonNode response = within(deadline, () -> engine.lambda().invoke(function, payload));
            ObjectNode result = JSON.objectNode();
            result.put("ExecutedVersion", "$LATEST");
            result.set("Payload", response);
            result.set("SdkHttpMetadata", JSON.objectNode().put("HttpStatusCode", 200));
            result.set("SdkResponseMetadata", JSON.objectNode().put("RequestId", UUID.randomUUID().toString()));
            result.put("StatusCode", 200);
            return result;
        }
        TaskTokens.Pending pending = engine.tokens().get(token);
        within(deadline, () -> engine.lambda().invoke(function, payload));
        return awaitToken(pending, deadline, heartbeat);
    }

    /** Runs a call, failing with States.Timeout when it outlasts the deadline (in simulated time). */
    private JsonNode within(Instant deadline, java.util.function.Supplier<JsonNode> call) {
        if (deadline == null) {
            return call.get();
        }
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        // The call is work of its own while the execution waits for it on the clock.
        SimulatedTime.Hold held = time.hold();
        Thread worker = Thread.ofVirtual().start(() -> {
            // Completed before the hold is let go, failure or not: the waiting execution takes the clock over.
            try {
                result.complete(call.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            } finally {
                held.close();
            }
        });
        try {
            if (!time.await(result, deadline)) {
                worker.interrupt();
                throw new StatesError(StatesError.TIMEOUT, "The task did not finish within its TimeoutSeconds");
            }
            return result.get();
        } catch (InterruptedException e) {
            worker.interrupt();
            throw new Aborted();
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    private JsonNode awaitToken(TaskTokens.Pending pending, Instant deadline, Duration heartbeat) {
        try {
            while (true) {
                Instant now = time.instant();
                Instant heartbeatDeadline = heartbeat == null ? null : pending.lastHeartbeat.plus(heartbeat);
                if (deadline != null && !now.isBefore(deadline)) {
                    throw new StatesError(StatesError.TIMEOUT, "No task token came back within TimeoutSeconds");
                }
                if (heartbeatDeadline != null && !now.isBefore(heartbeatDeadline)) {
                    throw new StatesError(StatesError.HEARTBEAT_TIMEOUT, "No heartbeat within HeartbeatSeconds");
                }
                Instant wakeUp = deadline == null ? heartbeatDeadline
                        : heartbeatDeadline == null || deadline.isBefore(heartbeatDeadline) ? deadline
                        : heartbeatDeadline;
                if (wakeUp == null) {
                    time.await(pending.result, null);
                    return pending.result.get();
                }
                if (time.await(pending.result, wakeUp)) {
                    return pending.result.get();
                }
                // Look at the deadlines again: a heartbeat may have moved one.
            }
        } catch (InterruptedException e) {
            throw new Aborted();
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    private Step pass(String name, JsonNode state, JsonNode input, JsonNode mapItem, Instant entered) {
        ObjectNode context = context(name, entered, 0, mapItem, null);
        JsonNode effective = inputPath(state, input, context);
        JsonNode result = state.has("Result") ? state.get("Result")
                : state.has("Parameters") ? PayloadTemplates.apply(state.get("Parameters"), effective, context)
                : effective;
        return new Step(outputPath(state, resultPath(state, input, result), context), next(state));
    }

    private Step choice(String name, JsonNode state, JsonNode input, JsonNode mapItem, Instant entered) {
        ObjectNode context = context(name, entered, 0, mapItem, null);
        JsonNode effective = inputPath(state, input, context);
        for (JsonNode rule : state.path("Choices")) {
            if (ChoiceRules.matches(rule, effective, context)) {
                return new Step(outputPath(state, effective, context), rule.path("Next").asText());
            }
        }
        if (state.hasNonNull("Default")) {
            return new Step(outputPath(state, effective, context), state.get("Default").asText());
        }
        throw new StatesError(StatesError.NO_CHOICE_MATCHED, "No Choice rule matched and there is no Default, in"
                + " state " + name);
    }

    private Step waitState(String name, JsonNode state, JsonNode input, JsonNode mapItem, Instant entered) {
        ObjectNode context = context(name, entered, 0, mapItem, null);
        JsonNode effective = inputPath(state, input, context);
        Duration wait;
        if (state.has("Seconds") || state.has("SecondsPath")) {
            JsonNode seconds = state.has("Seconds") ? state.get("Seconds")
                    : JsonPaths.read(state.get("SecondsPath").asText(), effective, context);
            if (!seconds.isIntegralNumber() || !seconds.canConvertToLong() || seconds.asLong() < 0) {
                throw StatesError.runtime("Wait state " + name + " needs a whole, non-negative number of seconds,"
                        + " got " + seconds);
            }
            wait = Duration.ofSeconds(seconds.asLong());
        } else {
            JsonNode timestamp = state.has("Timestamp") ? state.get("Timestamp")
                    : JsonPaths.read(state.path("TimestampPath").asText(), effective, context);
            OffsetDateTime until = timestamp.isTextual() ? ChoiceRules.timestamp(timestamp.asText()) : null;
            if (until == null) {
                throw StatesError.runtime("Wait state " + name + " needs an ISO-8601 timestamp, got " + timestamp);
            }
            wait = Duration.between(time.instant(), until.toInstant());
        }
        sleep(wait);
        return new Step(outputPath(state, effective, context), next(state));
    }

    private StatesError fail(JsonNode state, JsonNode input) {
        String error = state.has("ErrorPath") ? JsonPaths.read(state.get("ErrorPath").asText(), input,
                JSON.objectNode()).asText() : state.path("Error").asText(null);
        String cause = state.has("CausePath") ? JsonPaths.read(state.get("CausePath").asText(), input,
                JSON.objectNode()).asText() : state.path("Cause").asText(null);
        return new StatesError(error == null ? "" : error, cause);
    }

    private Step map(String name, JsonNode state, JsonNode input, JsonNode mapItem, Instant entered) {
        return withRetryAndCatch(state, input, retryCount -> {
            ObjectNode context = context(name, entered, retryCount, mapItem, null);
            JsonNode effective = inputPath(state, input, context);
            JsonNode items = state.has("ItemsPath")
                    ? JsonPaths.read(state.get("ItemsPath").asText(), effective, context) : effective;
            if (!items.isArray()) {
                throw StatesError.runtime("Map state " + name + ": ItemsPath does not select an array");
            }
            JsonNode processor = state.has("ItemProcessor") ? state.get("ItemProcessor") : state.get("Iterator");
            JsonNode selector = state.has("ItemSelector") ? state.get("ItemSelector") : state.get("Parameters");
            record("MapStateStarted", "mapStateStartedEventDetails", JSON.objectNode().put("length", items.size()));
            List<JsonNode> inputs = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                ObjectNode item = JSON.objectNode().put("Index", i).set("Value", items.get(i));
                ObjectNode itemContext = context(name, entered, retryCount, item, null);
                inputs.add(selector == null ? items.get(i)
                        : PayloadTemplates.apply(selector, effective, itemContext));
            }
            int concurrency = state.path("MaxConcurrency").asInt(0);
            ArrayNode results = concurrently(inputs, concurrency, (index, itemInput) -> {
                ObjectNode item = JSON.objectNode().put("Index", index).set("Value", items.get(index));
                record("MapIterationStarted", "mapIterationStartedEventDetails",
                        JSON.objectNode().put("name", name).put("index", index));
                try {
                    JsonNode out = runMachine(processor, itemInput, item);
                    record("MapIterationSucceeded", "mapIterationSucceededEventDetails",
                            JSON.objectNode().put("name", name).put("index", index));
                    return out;
                } catch (StatesError e) {
                    record("MapIterationFailed", "mapIterationFailedEventDetails",
                            JSON.objectNode().put("name", name).put("index", index));
                    throw e;
                }
            });
            record("MapStateSucceeded", null, null);
            JsonNode selected = state.has("ResultSelector")
                    ? PayloadTemplates.apply(state.get("ResultSelector"), results, context) : results;
            return new Step(outputPath(state, resultPath(state, input, selected), context), next(state));
        });
    }

    private Step parallel(String name, JsonNode state, JsonNode input, JsonNode mapItem, Instant entered) {
        return withRetryAndCatch(state, input, retryCount -> {
            ObjectNode context = context(name, entered, retryCount, mapItem, null);
            JsonNode effective = inputPath(state, input, context);
            JsonNode branchInput = state.has("Parameters")
                    ? PayloadTemplates.apply(state.get("Parameters"), effective, context) : effective;
            List<JsonNode> branches = new ArrayList<>();
            state.path("Branches").forEach(branches::add);
            record("ParallelStateStarted", null, null);
            List<JsonNode> inputs = branches.stream().map(b -> branchInput).toList();
            ArrayNode results = concurrently(inputs, 0,
                    (index, branchData) -> runMachine(branches.get(index), branchData, mapItem));
            record("ParallelStateSucceeded", null, null);
            JsonNode selected = state.has("ResultSelector")
                    ? PayloadTemplates.apply(state.get("ResultSelector"), results, context) : results;
            return new Step(outputPath(state, resultPath(state, input, selected), context), next(state));
        });
    }

    /** A unit of concurrent work: the index of an item or branch, and its input. */
    @FunctionalInterface
    private interface Branch {
        JsonNode run(int index, JsonNode input);
    }

    /** Runs every input at once (or {@code limit} at a time), in order of results; the first failure fails all. */
    private ArrayNode concurrently(List<JsonNode> inputs, int limit, Branch branch) {
        if (inputs.isEmpty()) {
            return JSON.arrayNode();
        }
        List<CompletableFuture<JsonNode>> results = new ArrayList<>();
        inputs.forEach(input -> results.add(new CompletableFuture<>()));
        CompletableFuture<Void> allOrFirstFailure = new CompletableFuture<>();
        List<Thread> running = new CopyOnWriteArrayList<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ended = new AtomicInteger();
        // Each branch holds the clock while it runs, and one that ends starts the next waiting one before it lets
        // go: the execution's work is counted without a gap however its branches take turns (MaxConcurrency).
        Runnable[] startNext = new Runnable[1];
        startNext[0] = () -> {
            int index = next.getAndIncrement();
            if (index >= inputs.size() || allOrFirstFailure.isDone()) {
                return;
            }
            SimulatedTime.Hold held = time.hold();
            running.add(Thread.ofVirtual().start(() -> {
                try {
                    results.get(index).complete(branch.run(index, inputs.get(index)));
                } catch (Throwable t) {
                    allOrFirstFailure.completeExceptionally(t);
                } finally {
                    if (ended.incrementAndGet() == inputs.size()) {
                        allOrFirstFailure.complete(null);
                    }
                    startNext[0].run();
                    held.close();
                }
            }));
        };
        for (int i = 0; i < (limit <= 0 ? inputs.size() : Math.min(limit, inputs.size())); i++) {
            startNext[0].run();
        }
        try {
            time.await(allOrFirstFailure, null);
            allOrFirstFailure.get();
        } catch (ExecutionException e) {
            running.forEach(Thread::interrupt);
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            running.forEach(Thread::interrupt);
            throw new Aborted();
        }
        ArrayNode out = JSON.arrayNode();
        results.forEach(result -> out.add(result.join()));
        return out;
    }

    private Step withRetryAndCatch(JsonNode state, JsonNode rawInput, IntFunction<Step> body) {
        List<JsonNode> retriers = new ArrayList<>();
        state.path("Retry").forEach(retriers::add);
        int[] attempts = new int[retriers.size()];
        int retryCount = 0;
        while (true) {
            try {
                return body.apply(retryCount);
            } catch (StatesError e) {
                int index = firstMatching(retriers, e);
                if (index >= 0 && attempts[index] < retriers.get(index).path("MaxAttempts").asInt(3)) {
                    sleep(delay(retriers.get(index), attempts[index]));
                    attempts[index]++;
                    retryCount++;
                    engine.transition();
                    continue;
                }
                List<JsonNode> catchers = new ArrayList<>();
                state.path("Catch").forEach(catchers::add);
                int catcher = firstMatching(catchers, e);
                if (catcher < 0) {
                    throw e;
                }
                ObjectNode errorOutput = JSON.objectNode().put("Error", e.error());
                StatesEngine.putIfPresent(errorOutput, "Cause", e.errorCause());
                JsonNode rule = catchers.get(catcher);
                String path = rule.has("ResultPath") ? rule.get("ResultPath").isNull() ? null
                        : rule.get("ResultPath").asText() : "$";
                JsonNode output = path == null ? rawInput : JsonPaths.write(rawInput, path, errorOutput);
                return new Step(output, rule.path("Next").asText());
            }
        }
    }

    private static int firstMatching(List<JsonNode> rules, StatesError error) {
        for (int i = 0; i < rules.size(); i++) {
            for (JsonNode name : rules.get(i).path("ErrorEquals")) {
                if (error.matches(name.asText())) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** IntervalSeconds × BackoffRate^attempt, capped by MaxDelaySeconds; FULL jitter picks uniformly below it. */
    private Duration delay(JsonNode retrier, int attempt) {
        double seconds = retrier.path("IntervalSeconds").asDouble(1)
                * Math.pow(retrier.path("BackoffRate").asDouble(2.0), attempt);
        if (retrier.has("MaxDelaySeconds")) {
            seconds = Math.min(seconds, retrier.get("MaxDelaySeconds").asDouble());
        }
        if ("FULL".equals(retrier.path("JitterStrategy").asText("NONE"))) {
            seconds = engine.random().nextDouble() * seconds;
        }
        return Duration.ofNanos((long) (seconds * 1_000_000_000L));
    }

    private void sleep(Duration simulated) {
        try {
            time.sleep(simulated);
        } catch (InterruptedException e) {
            throw new Aborted();
        }
    }

    private Duration seconds(JsonNode state, String field, JsonNode effective, JsonNode context) {
        JsonNode value = state.has(field) ? state.get(field)
                : state.has(field + "Path") ? JsonPaths.read(state.get(field + "Path").asText(), effective, context)
                : null;
        if (value == null) {
            return null;
        }
        // Step Functions takes only a whole, positive number: 2592000.5 or "60" fail the execution (States.Runtime).
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 1) {
            throw StatesError.runtime(field + " must be a positive whole number of seconds, got " + value);
        }
        return Duration.ofSeconds(value.asLong());
    }

    private ObjectNode context(String stateName, Instant entered, int retryCount, JsonNode mapItem, String token) {
        ObjectNode context = JSON.objectNode();
        context.set("Execution", JSON.objectNode().put("Id", execution.arn()).put("Name", execution.name())
                .put("RoleArn", ROLE).put("StartTime", execution.startDate().toString()).put("RedriveCount", 0)
                .set("Input", executionInput == null ? JSON.objectNode() : executionInput));
        context.set("State", JSON.objectNode().put("Name", stateName).put("EnteredTime", entered.toString())
                .put("RetryCount", retryCount));
        context.set("StateMachine", JSON.objectNode().put("Id", execution.stateMachine().arn())
                .put("Name", execution.stateMachine().name()));
        if (token != null) {
            context.set("Task", JSON.objectNode().put("Token", token));
        }
        if (mapItem != null) {
            context.set("Map", JSON.objectNode().set("Item", mapItem));
        }
        return context;
    }

    private static JsonNode inputPath(JsonNode state, JsonNode data, JsonNode context) {
        if (!state.has("InputPath")) {
            return data;
        }
        return state.get("InputPath").isNull() ? JSON.objectNode()
                : JsonPaths.read(state.get("InputPath").asText(), data, context);
    }

    private static JsonNode outputPath(JsonNode state, JsonNode data, JsonNode context) {
        if (!state.has("OutputPath")) {
            return data;
        }
        return state.get("OutputPath").isNull() ? JSON.objectNode()
                : JsonPaths.read(state.get("OutputPath").asText(), data, context);
    }

    private static JsonNode resultPath(JsonNode state, JsonNode rawInput, JsonNode result) {
        if (!state.has("ResultPath")) {
            return result;
        }
        return state.get("ResultPath").isNull() ? rawInput
                : JsonPaths.write(rawInput, state.get("ResultPath").asText(), result);
    }

    private static String next(JsonNode state) {
        return state.path("End").asBoolean(false) ? null : state.path("Next").asText();
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new IllegalStateException(cause);
    }

    private String region() {
        String arn = execution.arn();
        return arn.split(":")[3];
    }

    private void record(String type, String detailsField, ObjectNode details) {
        // Stopped meanwhile (StopExecution ends it, then interrupts a thread that may have woken on its own): the
        // history ends with the stop.
        if (execution.status() != Execution.Status.RUNNING) {
            throw new Aborted();
        }
        execution.record(time.instant(), type, detailsField, details);
    }
}
