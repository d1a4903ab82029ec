package io.shipbridge.storage;

import static io.shipbridge.storage.Attrs.s;
import static io.shipbridge.storage.Attrs.string;

import io.shipbridge.carrier.TrackingStatus;
import io.shipbridge.tracking.TrackingUpdate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The carrier events of each order, exactly one row per event id. */
public final class TrackingEventStore {
    private static final Duration KEEP_UNMATCHED = Duration.ofDays(30);

    private final DynamoDbClient dynamoDb;
    private final String table;

    public TrackingEventStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** @return false when this event id was recorded before (a duplicate; nothing written) */
    public boolean record(String orderId, TrackingUpdate update) {
        Map<String, AttributeValue> item = item(update, Keys.order(orderId));
        item.put("orderId", s(orderId));
        return putOnce(item);
    }

    /**
     * Records an event whose tracking number no shipment has, by carrier and tracking number, kept 30 days: an
     * operator can see what a carrier sent that matched nothing.
     *
     * @return false when it was recorded before
     */
    public boolean recordUnmatched(TrackingUpdate update) {
        Map<String, AttributeValue> item = item(update, Keys.unmatched(update.carrier(), update.trackingNumber()));
        item.put(Keys.EXPIRES_AT, Attrs.expiry(update.receivedAt().plus(KEEP_UNMATCHED)));
        return putOnce(item);
    }

    private static Map<String, AttributeValue> item(TrackingUpdate update, String partition) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(partition));
        item.put(Keys.SK, s(Keys.event(update.eventId())));
        item.put("eventId", s(update.eventId()));
        item.put("carrier", s(update.carrier()));
        item.put("trackingNumber", s(update.trackingNumber()));
        item.put("status", s(update.status().code()));
        item.put("rawCode", s(String.valueOf(update.rawCode())));
        if (update.description() != null) {
            item.put("description", s(update.description()));
        }
        if (update.location() != null) {
            item.put("location", s(update.location()));
        }
        item.put("occurredAt", Attrs.time(update.occurredAt()));
        item.put("source", s(update.source()));
        item.put("receivedAt", Attrs.time(update.receivedAt()));
        return item;
    }

    /**
     * Puts the item unless one with its key exists. Carriers repeat events (webhook retries, the same event polled
     * and pushed), and DynamoDB bills a refused conditional write as a write: a known event is first looked for
     * (a read costs a tenth of that), the condition still guarding against a race.
     */
    private boolean putOnce(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = Map.of(Keys.PK, item.get(Keys.PK), Keys.SK, item.get(Keys.SK));
        if (dynamoDb.getItem(g -> g.tableName(table).key(key).projectionExpression("pk")).hasItem()) {
            return false;
        }
        try {
            dynamoDb.putItem(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException duplicate) {
            return false;
        }
    }

    /** A recorded event, oldest first in {@link #events}. */
    public record RecordedEvent(String eventId, TrackingStatus status, String rawCode, java.time.Instant occurredAt,
            String source) {
    }

    public List<RecordedEvent> events(String orderId) {
        List<RecordedEvent> events = new ArrayList<>();
        dynamoDb.queryPaginator(q -> q.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(Keys.order(orderId)), ":prefix", s(Keys.EVENT_PREFIX))))
                .items().forEach(item -> events.add(new RecordedEvent(string(item, "eventId"),
                        TrackingStatus.fromCode(string(item, "status")), string(item, "rawCode"),
                        Attrs.instant(item, "occurredAt"), string(item, "source"))));
        events.sort(Comparator.comparing(RecordedEvent::occurredAt));
        return events;
    }
}
