package io.shipbridge.local.hammer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What the hammering did: the answers, the refusals counted by reason, and whether anything else changed. */
public record HammerReport(double seconds, double rate, double throttle, long sent, long failedToSend,
        Map<Integer, Long> statuses, Map<String, Double> rejectedByReason, long functionErrors, CloudState before,
        CloudState after, List<String> changes) {

    public boolean passed() {
        double counted = rejectedByReason.values().stream().mapToDouble(Double::doubleValue).sum();
        long refusedByFunction = statuses.entrySet().stream().filter(e -> e.getKey() >= 400 && e.getKey() < 500
                && e.getKey() != 429).mapToLong(Map.Entry::getValue).sum();
        return changes.isEmpty() && functionErrors == 0 && failedToSend == 0 && counted == refusedByFunction
                && statuses.keySet().stream().allMatch(s -> s >= 400 && s < 500);
    }

    public void print(PrintStream out) {
        out.printf("Sent %d hostile webhooks in %.1f s (%.1f a second; the route's throttle %.1f)%n", sent, seconds,
                sent / seconds, throttle);
        out.println("  answers by HTTP status   " + statuses + (failedToSend > 0 ? ", not sent: " + failedToSend : ""));
        out.println("  refusals counted (WebhooksRejected by Reason):");
        rejectedByReason.forEach((reason, count) -> out.printf("    %-24s %8.0f%n", reason, count));
        out.println("  function errors          " + functionErrors);
        out.printf("  table                    %d items before, %d after, %s%n", before.tableItems(), after.tableItems(),
                before.tableDigest().equals(after.tableDigest()) ? "identical" : "CHANGED");
        out.println("  queues (messages)        " + before.queueMessages() + " before, " + after.queueMessages()
                + " after");
        out.println("  bucket (objects)         " + before.bucketObjects() + " before, " + after.bucketObjects()
                + " after");
        out.println("  alarms                   " + after.alarmInputs().size() + ", every input "
                + (changes.stream().anyMatch(c -> c.startsWith("alarm")) ? "NOT the same" : "the same") + " as before");
        changes.forEach(change -> out.println("  CHANGED: " + change));
        out.println(passed() ? "PASSED: every request refused and counted, nothing else changed" : "FAILED");
    }

    public void write(Path file) throws IOException {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("passed", passed()).put("seconds", seconds).put("ratePerSecond", rate)
                .put("throttlePerSecond", throttle).put("sent", sent).put("failedToSend", failedToSend)
                .put("functionErrors", functionErrors);
        ObjectNode byStatus = json.putObject("statuses");
        statuses.forEach((status, count) -> byStatus.put(Integer.toString(status), count));
        json.set("rejectedByReason", Json.MAPPER.valueToTree(rejectedByReason));
        json.put("tableItemsBefore", before.tableItems()).put("tableItemsAfter", after.tableItems())
                .put("tableUnchanged", before.tableDigest().equals(after.tableDigest()));
        json.set("queuesBefore", Json.MAPPER.valueToTree(before.queueMessages()));
        json.set("queuesAfter", Json.MAPPER.valueToTree(after.queueMessages()));
        json.put("alarms", after.alarmInputs().size());
        json.set("changes", Json.MAPPER.valueToTree(changes));
        Files.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json));
    }
}
