package io.shipbridge.local.states;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** One execution of a state machine: its status, result, and event history as Step Functions reports them. */
public final class Execution {
    /** Execution statuses, as the Step Functions API names them. */
    public enum Status {
        RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED
    }

    private final String arn;
    private final String name;
    private final StateMachine stateMachine;
    private final String input;
    private final Instant startDate;
    private final List<ObjectNode> history = new ArrayList<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile Status status = Status.RUNNING;
    private volatile Instant stopDate;
    private volatile String output;
    private volatile String error;
    private volatile String cause;
    private volatile Thread thread;

    Execution(String arn, String name, StateMachine stateMachine, String input, Instant startDate) {
        this.arn = arn;
        this.name = name;
        this.stateMachine = stateMachine;
        this.input = input;
        this.startDate = startDate;
    }

    public String arn() {
        return arn;
    }

    public String name() {
        return name;
    }

    public StateMachine stateMachine() {
        return stateMachine;
    }

    public String input() {
        return input;
    }

    public Instant startDate() {
        return startDate;
    }

    public Status status() {
        return status;
    }

    public Instant stopDate() {
        return stopDate;
    }

    public String output() {
        return output;
    }

    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }

    /** Waits, on the wall clock, for the execution to end. @return whether it ended in time */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit);
    }

    public synchronized List<ObjectNode> history() {
        return List.copyOf(history);
    }

    /** The names of the states entered, in order. */
    public synchronized List<String> statesEntered() {
        return history.stream().filter(e -> e.path("type").asText().endsWith("StateEntered"))
                .map(e -> e.path("stateEnteredEventDetails").path("name").asText()).toList();
    }

    synchronized long record(Instant at, String type, String detailsField, ObjectNode details) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        long id = history.size() + 1L;
        event.put("timestamp", at.toEpochMilli() / 1000.0);
        event.put("type", type);
        event.put("id", id);
        event.put("previousEventId", id - 1);
        if (detailsField != null) {
            event.set(detailsField, details);
        }
        history.add(event);
        return id;
    }

    void thread(Thread running) {
        this.thread = running;
    }

    void interrupt() {
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
    }

    /** Ends the execution once, recording its closing event before anyone waiting sees it ended. */
    synchronized boolean finish(Status end, Instant at, String result, String failure, String failureCause,
            String eventType, String detailsField, ObjectNode details) {
        if (status != Status.RUNNING) {
            return false;
        }
        status = end;
        stopDate = at;
        output = result;
        error = failure;
        cause = failureCause;
        record(at, eventType, detailsField, details);
        finished.countDown();
        return true;
    }
}
