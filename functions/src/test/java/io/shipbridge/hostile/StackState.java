package io.shipbridge.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipbridge.testing.TestStack;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Everything the stand-ins hold (every table item, every bucket object, the tracking queue's depth), taken before
 * and after a bad input, so a case can show that nothing changed but what its expected answer records.
 */
record StackState(Map<String, String> items, Map<String, String> objects, int queueDepth) {

    static StackState of(TestStack stack) {
        String table = stack.aws().resources().tableName("ShipbridgeTable");
        Map<String, String> items = new TreeMap<>();
        stack.aws().dynamoDb().scanPaginator(s -> s.tableName(table).consistentRead(true)).items()
                .forEach(item -> items.put(key(item), new TreeMap<>(item).toString()));
        String bucket = stack.aws().resources().bucketName("LabelBucket");
        Map<String, String> objects = stack.aws().s3().listObjectsV2Paginator(l -> l.bucket(bucket)).contents()
                .stream().collect(Collectors.toMap(S3Object::key, S3Object::eTag, (a, b) -> a, TreeMap::new));
        return new StackState(items, objects, stack.queueDepth());
    }

    private static String key(Map<String, AttributeValue> item) {
        return item.get("pk").s() + " | " + item.get("sk").s();
    }

    /** The table items (pk | sk) and bucket keys added, changed or removed since {@code before}. */
    Set<String> changedSince(StackState before) {
        Set<String> changed = new java.util.TreeSet<>();
        diff(before.items, items, changed);
        diff(before.objects, objects, changed);
        return changed;
    }

    private static void diff(Map<String, String> before, Map<String, String> after, Set<String> into) {
        before.forEach((k, v) -> {
            if (!v.equals(after.get(k))) {
                into.add(k);
            }
        });
        after.keySet().stream().filter(k -> !before.containsKey(k)).forEach(into::add);
    }

    /** Asserts that nothing changed since {@code before} except what {@code allowed} accepts. */
    void assertUnchangedSince(StackState before, Predicate<String> allowed) {
        assertThat(changedSince(before)).as("what changed besides what the answer records")
                .filteredOn(allowed.negate()).isEmpty();
        assertThat(queueDepth).as("tracking queue depth").isEqualTo(before.queueDepth);
    }

    /** Operations-log rows (the record of the refusal) are what a refusal may add. */
    static boolean operationsLog(String key) {
        return key.startsWith("OPS#");
    }
}
