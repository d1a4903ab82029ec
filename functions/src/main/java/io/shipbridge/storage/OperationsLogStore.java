package io.shipbridge.storage;

import static io.shipbridge.storage.Attrs.s;
import static io.shipbridge.storage.Attrs.string;

import com.fasterxml.jackson.core.type.TypeReference;
import io.shipbridge.config.Json;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.operations.OperationStatus;
import io.shipbridge.operations.OperationsLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The operations log in DynamoDB: rows by day (for exports) and by order (for an order's story). A row that cannot
 * be written is reported in the function's log; it never fails the call it describes, which has already happened.
 */
public final class OperationsLogStore implements OperationsLog {
    private static final Logger LOG = LoggerFactory.getLogger(OperationsLogStore.class);
    private static final Duration KEEP = Duration.ofDays(400);
    private static final TypeReference<Map<String, Object>> META = new TypeReference<>() {
    };

    private final DynamoDbClient dynamoDb;
    private final String table;

    public OperationsLogStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void record(OperationRecord record) {
        String time = Attrs.format(record.timestamp());
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(Keys.operationsOfDay(record.timestamp())));
        item.put(Keys.SK, s(time + "#" + UUID.randomUUID()));
        item.put("timestamp", s(time));
        item.put("scope", s(record.scope()));
        item.put("action", s(record.action()));
        item.put("status", s(record.status().name()));
        item.put("message", s(record.message() == null ? "" : record.message()));
        item.put("meta", s(Json.write(record.meta())));
        item.put(Keys.EXPIRES_AT, Attrs.expiry(record.timestamp().plus(KEEP)));
        if (record.orderId() != null) {
            item.put("order_id", s(record.orderId()));
            item.put(Keys.GSI1_PK, s(Keys.operationsOfOrder(record.orderId())));
            item.put(Keys.GSI1_SK, s(time));
        }
        if (record.carrier() != null) {
            item.put("carrier", s(record.carrier()));
        }
        try {
            dynamoDb.putItem(p -> p.tableName(table).item(item));
        } catch (SdkException e) {
            LOG.error("Operations log row not written: {} {} {} {}", record.scope(), record.action(),
                    record.status(), record.orderId(), e);
        }
    }

    /** The order's rows, oldest first. */
    public List<OperationRecord> forOrder(String orderId) {
        List<OperationRecord> rows = new ArrayList<>();
        dynamoDb.queryPaginator(q -> q.tableName(table).indexName(Keys.GSI1)
                .keyConditionExpression("gsi1pk = :order")
                .expressionAttributeValues(Map.of(":order", s(Keys.operationsOfOrder(orderId)))))
                .items().forEach(item -> rows.add(toRecord(item)));
        return rows;
    }

    /** All rows of the UTC day {@code day} falls in, oldest first. */
    public List<OperationRecord> ofDay(Instant day) {
        List<OperationRecord> rows = new ArrayList<>();
        dynamoDb.queryPaginator(q -> q.tableName(table)
                .keyConditionExpression("pk = :day")
                .expressionAttributeValues(Map.of(":day", s(Keys.operationsOfDay(day)))))
                .items().forEach(item -> rows.add(toRecord(item)));
        return rows;
    }

    /**
     * Rows of the UTC day {@code day} falls in, or of one order when {@code orderId} is given, newest first, one
     * page at a time; with {@code since}, only the rows from then on.
     *
     * @throws IllegalArgumentException for a cursor of another listing
     */
    public Page<OperationRecord> page(Instant day, String orderId, Instant since, String cursor, int limit) {
        boolean byOrder = orderId != null;
        String partition = byOrder ? Keys.operationsOfOrder(orderId) : Keys.operationsOfDay(day);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":partition", s(partition));
        String condition = (byOrder ? "gsi1pk" : "pk") + " = :partition";
        if (since != null) {
            condition += " AND " + (byOrder ? "gsi1sk" : "sk") + " >= :since";
            values.put(":since", s(Attrs.format(since)));
        }
        QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                .keyConditionExpression(condition).expressionAttributeValues(values)
                .scanIndexForward(false).limit(limit)
                .exclusiveStartKey(PageCursor.decode(cursor, byOrder ? Keys.GSI1_PK : Keys.PK, partition));
        if (byOrder) {
            query.indexName(Keys.GSI1);
        }
        QueryResponse response = dynamoDb.query(query.build());
        return new Page<>(response.items().stream().map(OperationsLogStore::toRecord).toList(),
                PageCursor.encode(response.lastEvaluatedKey()));
    }

    /** Every row of the UTC day {@code day} falls in, oldest first, page by page: never all in memory at once. */
    public void forEachOfDay(Instant day, Consumer<OperationRecord> action) {
        dynamoDb.queryPaginator(q -> q.tableName(table)
                .keyConditionExpression("pk = :day")
                .expressionAttributeValues(Map.of(":day", s(Keys.operationsOfDay(day)))))
                .items().forEach(item -> action.accept(toRecord(item)));
    }

    /** Up to {@code max} of the latest rows since {@code since} (at most a day ago), newest first. */
    public List<OperationRecord> latest(Instant now, Instant since, int max) {
        List<OperationRecord> rows = new ArrayList<>();
        for (String day : new LinkedHashSet<>(List.of(Keys.operationsOfDay(now), Keys.operationsOfDay(since)))) {
            if (rows.size() < max) {
                int left = max - rows.size();
                dynamoDb.query(q -> q.tableName(table).keyConditionExpression("pk = :day AND sk >= :since")
                        .expressionAttributeValues(Map.of(":day", s(day), ":since", s(Attrs.format(since))))
                        .scanIndexForward(false).limit(left))
                        .items().forEach(item -> rows.add(toRecord(item)));
            }
        }
        return rows;
    }

    private static OperationRecord toRecord(Map<String, AttributeValue> item) {
        return new OperationRecord(Instant.parse(string(item, "timestamp")), string(item, "scope"),
                string(item, "action"), string(item, "order_id"), string(item, "carrier"),
                OperationStatus.valueOf(string(item, "status")), string(item, "message"),
                Json.read(string(item, "meta"), META));
    }
}
