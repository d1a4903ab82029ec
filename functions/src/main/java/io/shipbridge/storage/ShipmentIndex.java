package io.shipbridge.storage;

import static io.shipbridge.storage.Attrs.s;
import static io.shipbridge.storage.Attrs.string;

import io.shipbridge.order.Shipment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Shipments by carrier and tracking number: which order a tracking event belongs to, and which shipments are still
 * in flight (on the index until their order ends), least recently polled first.
 */
public final class ShipmentIndex {
    /** Sorts before every timestamp: a shipment never polled comes first. */
    private static final String NEVER_POLLED = "0";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public ShipmentIndex(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** A shipment to poll. {@code lastEventAt} is the newest event already queued, null when none. */
    public record InFlightShipment(String carrier, String trackingNumber, String orderId, Instant lastEventAt) {
    }

    static Map<String, AttributeValue> lookupItem(Shipment shipment, String orderId) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(Keys.shipment(shipment.carrier(), shipment.trackingNumber())));
        item.put(Keys.SK, s(Keys.SHIPMENT));
        item.put("orderId", s(orderId));
        item.put("carrier", s(shipment.carrier()));
        item.put("trackingNumber", s(shipment.trackingNumber()));
        item.put(Keys.GSI1_PK, s(Keys.inFlight(shipment.carrier())));
        item.put(Keys.GSI1_SK, s(pollingPlace(NEVER_POLLED, orderId)));
        return item;
    }

    static TransactWriteItem leaveFlight(String table, Shipment shipment) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(key(shipment.carrier(), shipment.trackingNumber()))
                .updateExpression("REMOVE gsi1pk, gsi1sk")
                .build()).build();
    }

    public Optional<String> orderOf(String carrier, String trackingNumber) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(table)
                .key(key(carrier, trackingNumber))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(string(item, "orderId"));
    }

    public List<InFlightShipment> inFlight(String carrier, int limit) {
        List<InFlightShipment> shipments = new ArrayList<>();
        dynamoDb.query(q -> q.tableName(table).indexName(Keys.GSI1)
                .keyConditionExpression("gsi1pk = :carrier")
                .expressionAttributeValues(Map.of(":carrier", s(Keys.inFlight(carrier))))
                .limit(limit)).items().forEach(item -> shipments.add(new InFlightShipment(
                        string(item, "carrier"), string(item, "trackingNumber"), string(item, "orderId"),
                        Attrs.instant(item, "lastEventAt"))));
        return shipments;
    }

    /**
     * Moves the shipment to the back of the polling line, remembering the newest event queued. Its place is when it
     * was last marked: the poller does not mark a shipment with nothing new when its run polled every shipment in
     * flight (they are all as recently polled), so the line is least recently polled first by run, not by instant.
     */
    public void markPolled(InFlightShipment shipment, Instant polledAt, Instant lastEventAt) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":polledAt", s(pollingPlace(Attrs.format(polledAt), shipment.orderId())));
        StringBuilder set = new StringBuilder("SET gsi1sk = :polledAt");
        if (lastEventAt != null) {
            set.append(", lastEventAt = :lastEventAt");
            values.put(":lastEventAt", Attrs.time(lastEventAt));
        }
        try {
            dynamoDb.updateItem(u -> u.tableName(table).key(key(shipment.carrier(), shipment.trackingNumber()))
                    .updateExpression(set.toString())
                    .conditionExpression("attribute_exists(gsi1pk)")
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException endedMeanwhile) {
            // Its order ended while it was polled: it stays off the index.
        }
    }

    /**
     * Its place in the polling line: when it was last polled, then its order's id. Shipments created together tie on
     * the first; the order's id, unlike the tracking number drawn by whichever was created first, puts them in the
     * same order every time.
     */
    private static String pollingPlace(String polled, String orderId) {
        return polled + "#" + orderId;
    }

    private static Map<String, AttributeValue> key(String carrier, String trackingNumber) {
        return Map.of(Keys.PK, s(Keys.shipment(carrier, trackingNumber)), Keys.SK, s(Keys.SHIPMENT));
    }
}
