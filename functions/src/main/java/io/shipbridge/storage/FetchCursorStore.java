package io.shipbridge.storage;

import static io.shipbridge.storage.Attrs.s;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Where the last complete order fetch started: the next one starts there, minus an overlap. */
public final class FetchCursorStore {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public FetchCursorStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    public Optional<Instant> get(String name) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(table).consistentRead(true)
                .key(key(name))).item();
        // The item may hold only the last run's outcome: a first run that failed records that, but no position.
        return item == null ? Optional.empty() : Optional.ofNullable(Attrs.instant(item, "position"));
    }

    /** Moves the cursor forward only: a slow run finishing after a newer one never moves it back. */
    public void advance(String name, Instant position) {
        try {
            dynamoDb.updateItem(u -> u.tableName(table).key(key(name))
                    .updateExpression("SET #position = :position")
                    .conditionExpression("attribute_not_exists(#position) OR #position < :position")
                    .expressionAttributeNames(Map.of("#position", "position"))
                    .expressionAttributeValues(Map.of(":position", Attrs.time(position))));
        } catch (ConditionalCheckFailedException alreadyFurther) {
            // Another run got further.
        }
    }

    /** How a fetch run ended: when, by what trigger, whether it took every order in, and its summary or error. */
    public record LastRun(Instant at, String trigger, boolean ok, String result) {
    }

    public void recordRun(String name, LastRun run) {
        dynamoDb.updateItem(u -> u.tableName(table).key(key(name))
                .updateExpression("SET lastRunAt = :at, lastRunTrigger = :trigger, lastRunOk = :ok, "
                        + "lastRunResult = :result")
                .expressionAttributeValues(Map.of(":at", Attrs.time(run.at()), ":trigger", s(run.trigger()),
                        ":ok", AttributeValue.fromBool(run.ok()), ":result", s(run.result()))));
    }

    public Optional<LastRun> lastRun(String name) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(table).key(key(name))).item();
        if (item == null || !item.containsKey("lastRunAt")) {
            return Optional.empty();
        }
        return Optional.of(new LastRun(Attrs.instant(item, "lastRunAt"), Attrs.string(item, "lastRunTrigger"),
                item.get("lastRunOk").bool(), Attrs.string(item, "lastRunResult")));
    }

    private static Map<String, AttributeValue> key(String name) {
        return Map.of(Keys.PK, s("CURSOR#" + name), Keys.SK, s("CURSOR"));
    }
}
