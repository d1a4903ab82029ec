package io.shipbridge.storage;

import static io.shipbridge.storage.Attrs.s;
import static io.shipbridge.storage.Attrs.string;

import io.shipbridge.carrier.DailyHandover.PendingShipment;
import io.shipbridge.order.Shipment;
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
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A carrier's daily hand-overs ({@code HANDOVER#<carrier>}): the shipments waiting for one
 * ({@code PENDING#<day>#<tracking number>}, written with the shipment itself) and each day's close
 * ({@code CLOSE#<day>}: claimed before the carrier is called, finished with what it gave back), so a day is closed
 * once however often its schedule fires.
 */
public final class HandoverStore {
    private static final String PENDING = "PENDING#";
    private static final String CLOSE = "CLOSE#";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public HandoverStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** A day's close: claimed, or finished with the carrier's references and the documents' keys. */
    public record Close(String carrier, LocalDate day, boolean finished, Instant claimedAt, List<String> references,
            List<String> documentKeys, int shipments) {
    }

    static Map<String, AttributeValue> pendingItem(Shipment shipment, String orderId) {
        Map<String, AttributeValue> item = new HashMap<>(pendingKey(shipment.carrier(), shipment.handoverDay(),
                shipment.trackingNumber()));
        item.put("orderId", s(orderId));
        item.put("trackingNumber", s(shipment.trackingNumber()));
        if (shipment.carrierShipmentId() != null) {
            item.put("carrierShipmentId", s(shipment.carrierShipmentId()));
        }
        item.put("day", s(shipment.handoverDay().toString()));
        return item;
    }

    /** Takes a cancelled order's shipment off the list (its carrier voids it, or keeps it out of the hand-over). */
    static TransactWriteItem forget(String table, Shipment shipment) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                .key(pendingKey(shipment.carrier(), shipment.handoverDay(), shipment.trackingNumber())).build()).build();
    }

    /** The shipments waiting for a hand-over on {@code upTo} or an earlier day, oldest day first. */
    public List<PendingShipment> pending(String carrier, LocalDate upTo) {
        List<PendingShipment> found = new ArrayList<>();
        dynamoDb.queryPaginator(q -> q.tableName(table)
                .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":pk", s(Keys.handovers(carrier)), ":from", s(PENDING),
                        ":to", s(PENDING + upTo + "#\uffff")))).items().forEach(item -> found.add(
                                new PendingShipment(string(item, "orderId"), string(item, "trackingNumber"),
                                        string(item, "carrierShipmentId"), LocalDate.parse(string(item, "day")))));
        return found;
    }

    /** Takes shipments off the list once handed over. */
    public void handedOver(String carrier, List<PendingShipment> shipments) {
        for (PendingShipment shipment : shipments) {
            dynamoDb.deleteItem(d -> d.tableName(table).key(pendingKey(carrier, shipment.day(),
                    shipment.trackingNumber())));
        }
    }

    public Optional<Close> close(String carrier, LocalDate day) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(table).key(closeKey(carrier, day))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Close(carrier, day, "FINISHED".equals(string(item, "status")),
                Attrs.instant(item, "claimedAt"), strings(item, "references"), strings(item, "documentKeys"),
                item.containsKey("shipments") ? (int) Attrs.number(item, "shipments") : 0));
    }

    /**
     * Claims the day's close for this run: true when no run has closed it and none claimed it within {@code lease}
     * (a run that died mid-way is taken over after that).
     */
    public boolean claim(String carrier, LocalDate day, Instant now, Duration lease) {
        Map<String, AttributeValue> item = new HashMap<>(closeKey(carrier, day));
        item.put("status", s("CLAIMED"));
        item.put("claimedAt", Attrs.time(now));
        try {
            dynamoDb.putItem(p -> p.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR (#status = :claimed AND claimedAt < :stale)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":claimed", s("CLAIMED"),
                            ":stale", Attrs.time(now.minus(lease)))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    /** Gives a claim up (the carrier could not be reached): the next run may close the day at once. */
    public void release(String carrier, LocalDate day, Instant claimedAt) {
        try {
            dynamoDb.deleteItem(d -> d.tableName(table).key(closeKey(carrier, day))
                    .conditionExpression("#status = :claimed AND claimedAt = :at")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":claimed", s("CLAIMED"), ":at", Attrs.time(claimedAt))));
        } catch (ConditionalCheckFailedException notOurs) {
            // Another run took it over meanwhile: it is that run's now.
        }
    }

    public void finish(String carrier, LocalDate day, List<String> references, List<String> documentKeys,
            int shipments, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(closeKey(carrier, day));
        item.put("status", s("FINISHED"));
        item.put("claimedAt", Attrs.time(now));
        item.put("finishedAt", Attrs.time(now));
        item.put("references", list(references));
        item.put("documentKeys", list(documentKeys));
        item.put("shipments", Attrs.n(shipments));
        dynamoDb.putItem(p -> p.tableName(table).item(item));
    }

    private static AttributeValue list(List<String> values) {
        return AttributeValue.fromL(values.stream().map(Attrs::s).toList());
    }

    private static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasL() ? List.of() : value.l().stream().map(AttributeValue::s).toList();
    }

    private static Map<String, AttributeValue> pendingKey(String carrier, LocalDate day, String trackingNumber) {
        return Map.of(Keys.PK, s(Keys.handovers(carrier)), Keys.SK, s(PENDING + day + "#" + trackingNumber));
    }

    private static Map<String, AttributeValue> closeKey(String carrier, LocalDate day) {
        return Map.of(Keys.PK, s(Keys.handovers(carrier)), Keys.SK, s(CLOSE + day));
    }
}
