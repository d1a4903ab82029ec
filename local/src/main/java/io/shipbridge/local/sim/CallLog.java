package io.shipbridge.local.sim;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Every request a simulator received and what became of it, for tests and reports to count. */
public final class CallLog {
    /** What a request did. */
    public enum Outcome {
        /** It changed the simulator's state (an order accepted, a shipment created...). */
        APPLIED,
        /** It read, or repeated what was already done: answered, nothing changed. */
        NO_CHANGE,
        /** Refused as the real service refuses (bad key, wrong state, invalid data). */
        REJECTED,
        /** An injected fault: a 429, a 5xx or a response that never came in time. */
        FAULT
    }

    /** One request: the operation (OR21, GrabaEnvio24...), the order or shipment it is about, its outcome. */
    public record Call(Instant at, String operation, String key, int status, Outcome outcome, String note) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    public void add(Call call) {
        calls.add(call);
    }

    public List<Call> all() {
        return List.copyOf(calls);
    }

    public long count(Predicate<Call> filter) {
        return calls.stream().filter(filter).count();
    }

    /** Applied calls of an operation, by the key they were about. */
    public Map<String, Long> appliedByKey(String operation) {
        return calls.stream().filter(c -> c.operation().equals(operation) && c.outcome() == Outcome.APPLIED)
                .collect(Collectors.groupingBy(Call::key, Collectors.counting()));
    }

}
