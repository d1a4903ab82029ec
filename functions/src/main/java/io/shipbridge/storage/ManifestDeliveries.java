package io.shipbridge.storage;

import static io.shipbridge.storage.Attrs.s;
import static io.shipbridge.storage.Attrs.string;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Each sending of a day's hand-over documents to a carrier by one channel ({@code HANDOVER#<carrier>} /
 * {@code SEND#<day>#<channel>}): claimed before it is sent, then sent (the service's reference kept until the carrier
 * has it), delivered, failed (tried again later) or given up. A sending is made once however often the close runs.
 */
public final class ManifestDeliveries {
    private static final String SEND = "SEND#";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public ManifestDeliveries(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** Where a sending stands. */
    public enum Status {
        SENDING, SENT, DELIVERED, FAILED, GIVEN_UP;

        /** Nothing more will be done about it. */
        public boolean settled() {
            return this == DELIVERED || this == GIVEN_UP;
        }
    }

    /**
     * One sending.
     *
     * @param reference    the service's id of the sending (SES message id, Transfer Family transfer id)
     * @param attempts     how many times it failed
     * @param documentKeys the documents sent, in the bucket
     */
    public record Delivery(String carrier, LocalDate day, String channel, Status status, String reference,
            int attempts, String reason, List<String> documentKeys, Instant updatedAt) {
    }

    public Optional<Delivery> find(String carrier, LocalDate day, String channel) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(table).key(key(carrier, day, channel))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(carrier, item));
    }

    /** The sendings of days from {@code from} on, oldest day first. */
    public List<Delivery> since(String carrier, LocalDate from) {
        List<Delivery> found = new ArrayList<>();
        dynamoDb.queryPaginator(q -> q.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":pk", s(Keys.handovers(carrier)), ":from", s(SEND + from),
                        ":to", s(SEND + "\uffff")))).items().forEach(item -> found.add(read(carrier, item)));
        return found;
    }

    /**
     * Claims a sending for this run: true when it was never sent, or failed, or a run that claimed it more than
     * {@code lease} ago died. Failed attempts are kept.
     */
    public boolean claim(String carrier, LocalDate day, String channel, List<String> documentKeys, Instant now,
            Duration lease) {
        try {
            dynamoDb.updateItem(u -> u.tableName(table).key(key(carrier, day, channel))
                    .updateExpression("SET #status = :sending, updatedAt = :now, documentKeys = :keys,"
                            + " attempts = if_not_exists(attempts, :zero)")
                    .conditionExpression("attribute_not_exists(pk) OR #status = :failed"
                            + " OR (#status = :sending AND updatedAt < :stale)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":sending", s(Status.SENDING.name()),
                            ":failed", s(Status.FAILED.name()), ":now", Attrs.time(now),
                            ":stale", Attrs.time(now.minus(lease)), ":zero", Attrs.n(0),
                            ":keys", AttributeValue.fromL(documentKeys.stream().map(Attrs::s).toList()))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    /** The service took it ({@code SENT}) or, for a service that confirms at once, the carrier has it. */
    public void sent(String carrier, LocalDate day, String channel, Status status, String reference, Instant now) {
        dynamoDb.updateItem(u -> u.tableName(table).key(key(carrier, day, channel))
                .updateExpression("SET #status = :status, #reference = :reference, updatedAt = :now REMOVE #reason")
                .expressionAttributeNames(Map.of("#status", "status", "#reference", "reference", "#reason", "reason"))
                .expressionAttributeValues(Map.of(":status", s(status.name()), ":reference", s(reference),
                        ":now", Attrs.time(now))));
    }

    public void delivered(String carrier, LocalDate day, String channel, Instant now) {
        dynamoDb.updateItem(u -> u.tableName(table).key(key(carrier, day, channel))
                .updateExpression("SET #status = :status, updatedAt = :now")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":status", s(Status.DELIVERED.name()), ":now", Attrs.time(now))));
    }

    /** Counts a failed attempt; {@code giveUp} settles it for good. Returns the attempts so far. */
    public int failed(String carrier, LocalDate day, String channel, String reason, boolean giveUp, Instant now) {
        Map<String, AttributeValue> after = dynamoDb.updateItem(u -> u.tableName(table)
                .key(key(carrier, day, channel))
                .updateExpression("SET #status = :status, #reason = :reason, updatedAt = :now ADD attempts :one")
                .expressionAttributeNames(Map.of("#status", "status", "#reason", "reason"))
                .expressionAttributeValues(Map.of(":status", s((giveUp ? Status.GIVEN_UP : Status.FAILED).name()),
                        ":reason", s(reason), ":now", Attrs.time(now), ":one", Attrs.n(1)))
                .returnValues("ALL_NEW")).attributes();
        return (int) Attrs.number(after, "attempts");
    }

    private static Delivery read(String carrier, Map<String, AttributeValue> item) {
        String[] parts = string(item, "sk").split("#");
        AttributeValue keys = item.get("documentKeys");
        return new Delivery(carrier, LocalDate.parse(parts[1]), parts[2], Status.valueOf(string(item, "status")),
                string(item, "reference"), item.containsKey("attempts") ? (int) Attrs.number(item, "attempts") : 0,
                string(item, "reason"), keys == null || !keys.hasL() ? List.of()
                        : keys.l().stream().map(AttributeValue::s).toList(), Attrs.instant(item, "updatedAt"));
    }

    private static Map<String, AttributeValue> key(String carrier, LocalDate day, String channel) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(Keys.PK, s(Keys.handovers(carrier)));
        key.put(Keys.SK, s(SEND + day + "#" + channel));
        return key;
    }
}
