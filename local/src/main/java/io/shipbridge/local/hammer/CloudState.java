package io.shipbridge.local.hammer;

import io.shipbridge.local.cloud.OfflineCloud;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a hostile request must not change: every item of the table (by digest), the messages in every queue, the
 * objects in the bucket, and every input of every alarm.
 */
record CloudState(long tableItems, String tableDigest, Map<String, Integer> queueMessages, int bucketObjects,
        Map<String, Map<String, Double>> alarmInputs) {

    static CloudState of(OfflineCloud cloud) {
        String table = cloud.aws().resources().tableName("ShipbridgeTable");
        List<String> items = new ArrayList<>();
        cloud.aws().dynamoDb().scanPaginator(s -> s.tableName(table).consistentRead(true)).items()
                .forEach(item -> items.add(canonical(item)));
        items.sort(null);
        Map<String, Integer> queues = new TreeMap<>();
        for (String queue : cloud.aws().resources().queues()) {
            queues.put(queue, cloud.aws().sqs().getQueueAttributes(a -> a.queueUrl(cloud.aws().resources()
                    .queueUrl(queue)).attributeNamesWithStrings("ApproximateNumberOfMessages",
                            "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed"))
                    .attributesAsStrings().values().stream().mapToInt(Integer::parseInt).sum());
        }
        String bucket = cloud.aws().resources().bucketName("LabelBucket");
        int objects = cloud.aws().s3().listObjectsV2Paginator(l -> l.bucket(bucket)).contents().stream()
                .mapToInt(o -> 1).sum();
        return new CloudState(items.size(), digest(items), queues, objects, cloud.alarmInputs());
    }

    /** What differs from an earlier state, in words; empty when nothing does. */
    List<String> differencesFrom(CloudState before) {
        List<String> differences = new ArrayList<>();
        if (!tableDigest.equals(before.tableDigest)) {
            differences.add("table: " + before.tableItems + " items before, " + tableItems + " after, contents differ");
        }
        if (!queueMessages.equals(before.queueMessages)) {
            differences.add("queues: " + before.queueMessages + " before, " + queueMessages + " after");
        }
        if (bucketObjects != before.bucketObjects) {
            differences.add("bucket: " + before.bucketObjects + " objects before, " + bucketObjects + " after");
        }
        alarmInputs.forEach((alarm, inputs) -> {
            if (!inputs.equals(before.alarmInputs.get(alarm))) {
                differences.add("alarm " + alarm + ": inputs " + before.alarmInputs.get(alarm) + " before, " + inputs
                        + " after");
            }
        });
        return differences;
    }

    private static String canonical(Map<String, AttributeValue> item) {
        return new TreeMap<>(item).toString();
    }

    private static String digest(List<String> items) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            items.forEach(item -> sha.update((item + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
