package io.shipbridge.storage;

import static io.shipbridge.storage.Attrs.s;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The webhook ids whose events were queued, each kept for the replay window: a sender delivering the same id again
 * (a retry after a lost answer, or a replay with another body) is acknowledged without queueing anything. DynamoDB
 * deletes expired items late, so the expiry is checked on read too.
 */
public final class WebhookReceipts {
    private static final String RECEIPT = "RECEIPT";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Duration window;

    public WebhookReceipts(DynamoDbClient dynamoDb, String table, Duration window) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.window = window;
    }

    public boolean seen(String carrier, String webhookId, Instant now) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(table).key(key(carrier, webhookId))
                .consistentRead(true)).item();
        return item != null && !item.isEmpty() && Attrs.number(item, Keys.EXPIRES_AT) > now.getEpochSecond();
    }

    /** Remembers the id; written after its events were queued, so a failure in between loses nothing. */
    public void remember(String carrier, String webhookId, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(carrier, webhookId));
        item.put(Keys.EXPIRES_AT, Attrs.expiry(now.plus(window)));
        dynamoDb.putItem(p -> p.tableName(table).item(item));
    }

    private static Map<String, AttributeValue> key(String carrier, String webhookId) {
        return Map.of(Keys.PK, s(Keys.webhookReceipt(carrier, webhookId)), Keys.SK, s(RECEIPT));
    }
}
