package io.shipbridge.storage;

import static io.shipbridge.storage.Attrs.s;
import static io.shipbridge.storage.Attrs.string;

import io.shipbridge.carrier.ShipmentNumbering;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Shipment numbers from a range a carrier assigned to the seller ({@code NUMBERS#<carrier>}), for carriers whose
 * numbers Shipbridge gives out itself: each number once (a counter only ever goes up, so a number is never reused,
 * not even one a lost race wasted), each reference one number (asking again for the same reference answers the
 * same number), with what the carrier's files need of the shipment kept beside it.
 */
public final class ShipmentNumbers implements ShipmentNumbering {
    private static final String NEXT = "NEXT#";
    private static final String REFERENCE = "REF#";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    public ShipmentNumbers(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    /** A range the carrier assigned: its numbers are {@code prefix} followed by {@code first..last}, zero-padded. */
    public record Range(String prefix, long first, long last, int digits) {

        /** {@code OT0010000000-OT0019999999}: the same prefix and width on both ends. */
        public static Range parse(String text) {
            String[] ends = text.trim().split("-");
            if (ends.length != 2) {
                throw new IllegalArgumentException("A shipment number range is FIRST-LAST, e.g."
                        + " OT0010000000-OT0019999999, was '" + text + "'");
            }
            String prefix = ends[0].replaceAll("\\d+$", "");
            String first = ends[0].substring(prefix.length());
            String last = ends[1].startsWith(prefix) ? ends[1].substring(prefix.length()) : "";
            if (first.isEmpty() || last.length() != first.length() || !last.matches("\\d+")
                    || Long.parseLong(last) < Long.parseLong(first)) {
                throw new IllegalArgumentException("A shipment number range is FIRST-LAST with the same prefix and"
                        + " as many digits on both ends, FIRST not above LAST, was '" + text + "'");
            }
            return new Range(prefix, Long.parseLong(first), Long.parseLong(last), first.length());
        }

        String format(long number) {
            return prefix + String.format("%0" + digits + "d", number);
        }
    }

    /** @throws RangeUsedUpException when every number of the range is given out */
    @Override
    public Assigned assign(String carrier, String reference, String rangeText, String details) {
        Range range = Range.parse(rangeText);
        Optional<Assigned> existing = find(carrier, reference);
        if (existing.isPresent()) {
            return existing.get();
        }
        // One counter per range: a new range the carrier assigns starts at its first number.
        Map<String, AttributeValue> counter = key(carrier, NEXT + rangeText.trim());
        long next = Long.parseLong(dynamoDb.updateItem(u -> u.tableName(table).key(counter)
                .updateExpression("ADD #next :one")
                .expressionAttributeNames(Map.of("#next", "next"))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .returnValues(ReturnValue.UPDATED_NEW)).attributes().get("next").n());
        long number = range.first() + next - 1;
        if (number > range.last()) {
            throw new RangeUsedUpException(carrier, range);
        }
        Assigned assigned = new Assigned(range.format(number), details, false, false);
        try {
            dynamoDb.putItem(p -> p.tableName(table).item(Map.of("pk", s(Keys.numbers(carrier)), "sk",
                    s(REFERENCE + reference), "number", s(assigned.number()), "details", s(details)))
                    .conditionExpression("attribute_not_exists(pk)"));
            return assigned;
        } catch (ConditionalCheckFailedException anotherAttempt) {
            // A concurrent attempt for the same reference won: its number stands, this one stays unused.
            return find(carrier, reference).orElseThrow();
        }
    }

    @Override
    public Optional<Assigned> find(String carrier, String reference) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(table)
                .key(key(carrier, REFERENCE + reference)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Assigned(string(item, "number"), string(item, "details"),
                item.containsKey("cancelledAt"), item.containsKey("handedOverAt")));
    }

    @Override
    public void cancel(String carrier, String reference) {
        try {
            dynamoDb.updateItem(u -> u.tableName(table).key(key(carrier, REFERENCE + reference))
                    .updateExpression("SET cancelledAt = :at")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":at", Attrs.time(clock.instant()))));
        } catch (ConditionalCheckFailedException neverNumbered) {
            // No number was ever given to the reference: nothing travels.
        }
    }

    @Override
    public void handedOver(String carrier, String reference) {
        dynamoDb.updateItem(u -> u.tableName(table).key(key(carrier, REFERENCE + reference))
                .updateExpression("SET handedOverAt = if_not_exists(handedOverAt, :at)")
                .expressionAttributeValues(Map.of(":at", Attrs.time(clock.instant()))));
    }

    private static Map<String, AttributeValue> key(String carrier, String sort) {
        return Map.of("pk", s(Keys.numbers(carrier)), "sk", s(sort));
    }

    /** Every number of a carrier's range is given out: a refusal, as no retry helps until the range is changed. */
    public static final class RangeUsedUpException extends io.shipbridge.carrier.CarrierRejectedException {
        private static final long serialVersionUID = 1L;

        RangeUsedUpException(String carrier, Range range) {
            super(carrier, "every shipment number of the range " + range.format(range.first()) + "-"
                    + range.format(range.last()) + " is used: ask the carrier for a new range and set it", null);
        }
    }
}
