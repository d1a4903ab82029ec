package io.shipbridge.local.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.config.Json;
import io.shipbridge.local.cloud.BucketEvents;
import io.shipbridge.local.sim.carrier.CarrierSimulators;
import io.shipbridge.local.sim.carrier.FileExchange;
import io.shipbridge.local.sim.carrier.WebhookSender;
import io.shipbridge.standins.CloudFormationTemplate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What runs on a timer around the stack, every few seconds rather than at the template's rates (fetching every five
 * minutes, polling every fifteen would make each story last an hour): the order fetch and the tracking poller invoked
 * directly with their schedules' own input from the template, the tracking aggregator pushing the carriers' new
 * states to the webhook route, and each carrier of files dropping its status file, whose bucket event is then
 * delivered. EventBridge Scheduler is not waited for; if LocalStack fires the template's schedules too, their runs
 * change nothing the test's did not (fetches and polls are idempotent).
 */
final class ScheduleDriver implements AutoCloseable {
    static final Duration EVERY = Duration.ofSeconds(10);

    /** One thread a task: a long poll (carriers' call limits) does not hold the fetch or the webhooks back. */
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(4,
            Thread.ofPlatform().daemon().name("localstack-schedule-", 0).factory());
    private final Map<String, String> failing = new ConcurrentHashMap<>();

    ScheduleDriver(CloudFormationTemplate template, Map<String, LambdaTarget> functions, WebhookSender webhooks,
            CarrierSimulators carriers, BucketEvents bucketEvents) {
        JsonNode fetch = scheduleInput(template, "FetchOrdersFunction", "Fetch");
        JsonNode poll = scheduleInput(template, "TrackingPollerFunction", "Poll");
        List<FileExchange> fileCarriers = carriers.all().stream().filter(FileExchange.class::isInstance)
                .map(FileExchange.class::cast).toList();
        every("fetch orders", () -> functions.get("FetchOrdersFunction").call(fetch));
        every("poll tracking", () -> functions.get("TrackingPollerFunction").call(poll));
        every("push webhooks", webhooks::pushNewStates);
        every("drop status files", () -> {
            fileCarriers.forEach(FileExchange::reportScans);
            bucketEvents.scan();
        });
    }

    /** Runs the task now and then {@link #EVERY} after each run ends, noting how its last run failed, if it did. */
    private void every(String task, Runnable step) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                step.run();
                failing.remove(task);
            } catch (RuntimeException e) {
                failing.put(task, Instant.now() + " " + e);
                System.err.println("Schedule " + task + " failed: " + e);
            }
        }, 0, EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    /** The template's input to a function's schedule, as EventBridge Scheduler would send it. */
    static JsonNode scheduleInput(CloudFormationTemplate template, String functionId, String eventName) {
        JsonNode event = template.resources().get(functionId).properties().path("Events").path(eventName);
        if (!event.path("Type").asText().equals("ScheduleV2")) {
            throw new IllegalArgumentException(functionId + " has no schedule " + eventName);
        }
        return Json.read(event.path("Properties").path("Input").asText(), JsonNode.class);
    }

    /** The tasks whose last run failed, and how: to explain a story that never ended. */
    String failing() {
        return failing.isEmpty() ? "none" : failing.toString();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
