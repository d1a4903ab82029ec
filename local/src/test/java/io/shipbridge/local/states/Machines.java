package io.shipbridge.local.states;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.config.Json;
import io.shipbridge.local.cost.UsageMeter;
import io.shipbridge.local.time.SimulatedTime;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs definitions in a fresh executor, with test Lambda functions, on a discrete clock: every wait and retry takes
 * exactly its simulated time, however busy the machine. A test acting from outside an execution (sending a token back,
 * say) holds the clock while it acts ({@link SimulatedTime#expectHolding}).
 */
final class Machines implements AutoCloseable {
    static final Instant START = Instant.parse("2026-11-20T09:00:00Z");

    final SimulatedTime time;
    final Map<String, Function<JsonNode, JsonNode>> functions = new ConcurrentHashMap<>();
    final StatesEngine engine;
    final UsageMeter usage = new UsageMeter();

    Machines() {
        this(SimulatedTime.discrete(START));
        time.advanceWhenIdle(() -> true);
    }

    Machines(SimulatedTime clock) {
        time = clock;
        engine = new StatesEngine(time, (name, payload) -> {
            Function<JsonNode, JsonNode> function = functions.get(name.substring(name.lastIndexOf(':') + 1));
            if (function == null) {
                throw new StatesError("Lambda.ResourceNotFoundException", "Function not found: " + name);
            }
            return function.apply(payload);
        }, new SplittableRandom(42), usage);
    }

    /** Registers the definition and starts it. */
    Execution start(String definition, String input) {
        StateMachine machine = engine.register(StateMachine.of("test", "arn:aws:states:eu-west-1:000000000000:"
                + "stateMachine:test-" + Math.abs(definition.hashCode()), definition));
        return engine.start(machine.arn(), null, input);
    }

    /** Runs the definition to its end. */
    Execution run(String definition, String input) {
        Execution execution = start(definition, input);
        awaitEnd(execution);
        return execution;
    }

    static void awaitEnd(Execution execution) {
        try {
            assertThat(execution.await(20, TimeUnit.SECONDS)).as("execution ended").isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode output(Execution execution) {
        assertThat(execution.status()).as(execution.error() + ": " + execution.cause())
                .isEqualTo(Execution.Status.SUCCEEDED);
        return json(execution.output());
    }

    static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    @Override
    public void close() {
        engine.close();
        time.close();
    }
}
