package io.shipbridge.storage;

import static io.shipbridge.storage.Attrs.s;
import static io.shipbridge.storage.Attrs.string;

import io.shipbridge.workflow.WaitKind;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Task tokens of executions waiting for a callback, one per order and kind of wait. */
public final class WaitStore {
    /** Longer than any wait the state machine allows; expired tokens are useless anyway. */
    private static final Duration KEEP = Duration.ofDays(120);

    private final DynamoDbClient dynamoDb;
    private final String table;

    public WaitStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    public void put(String orderId, WaitKind kind, String taskToken, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(orderId, kind));
        item.put("orderId", s(orderId));
        item.put("wait", s(kind.name()));
        item.put("taskToken", s(taskToken));
        item.put("registeredAt", Attrs.time(now));
        item.put(Keys.EXPIRES_AT, Attrs.expiry(now.plus(KEEP)));
        dynamoDb.putItem(p -> p.tableName(table).item(item));
    }

    /** Every wait registered for the order, by kind. */
    public Map<WaitKind, String> all(String orderId) {
        Map<WaitKind, String> tokens = new java.util.EnumMap<>(WaitKind.class);
        dynamoDb.query(q -> q.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(Keys.order(orderId)), ":prefix", s(Keys.WAIT_PREFIX))))
                .items().forEach(item -> tokens.put(WaitKind.valueOf(string(item, "wait")), string(item, "taskToken")));
        return tokens;
    }

    /** Removes the token, unless a newer one replaced it meanwhile. */
    public void remove(String orderId, WaitKind kind, String taskToken) {
        try {
            dynamoDb.deleteItem(d -> d.tableName(table).key(key(orderId, kind))
                    .conditionExpression("taskToken = :token")
                    .expressionAttributeValues(Map.of(":token", s(taskToken))));
        } catch (ConditionalCheckFailedException replacedOrGone) {
            // Nothing to remove.
        }
    }

    private static Map<String, AttributeValue> key(String orderId, WaitKind kind) {
        return Map.of(Keys.PK, s(Keys.order(orderId)), Keys.SK, s(Keys.WAIT_PREFIX + kind.name()));
    }
}
