package io.shipbridge.local.cost;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * The write units DynamoDB bills for a transaction, worked out as its documentation says, since DynamoDB Local
 * reports transactions otherwise (it rounds the items' sizes together and counts four units per KB). Each item write
 * costs two units per KB (prepare and commit) of the larger of the item before and after, in the table and again in
 * each index that holds the item (projection ALL): an index whose key changed deletes the old entry and writes the new
 * one. The items are read from the stand-in before and after the transaction, outside the function's own calls.
 */
public final class TransactionCapacity {
    private static final int KB = 1024;

    /** An index's key attributes; every index here projects ALL. */
    public record Index(String partitionKey, String sortKey) {
    }

    /** The items a transaction touches, as they were before it. */
    record Before(TransactWriteItemsRequest request, List<Map<String, AttributeValue>> items) {
    }

    private final DynamoDbClient standIn;
    private final List<Index> indexes;

    public TransactionCapacity(DynamoDbClient standIn, List<Index> indexes) {
        this.standIn = standIn;
        this.indexes = indexes;
    }

    Before before(TransactWriteItemsRequest request) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (TransactWriteItem item : request.transactItems()) {
            items.add(read(tableOf(item), keyOf(item)));
        }
        return new Before(request, items);
    }

    /** The units of a transaction that succeeded. */
    double writeUnits(Before before) {
        double units = 0;
        List<TransactWriteItem> writes = before.request().transactItems();
        for (int i = 0; i < writes.size(); i++) {
            TransactWriteItem write = writes.get(i);
            if (write.conditionCheck() != null) {
                continue;
            }
            Map<String, AttributeValue> old = before.items().get(i);
            Map<String, AttributeValue> now = write.put() != null ? write.put().item()
                    : write.delete() != null ? Map.of() : read(tableOf(write), keyOf(write));
            units += 2 * kilobytes(Math.max(size(old), size(now)));
            for (Index index : indexes) {
                boolean was = inIndex(old, index);
                boolean is = inIndex(now, index);
                if (was && is && sameKey(old, now, index)) {
                    units += 2 * kilobytes(Math.max(size(old), size(now)));
                } else {
                    units += (was ? 2 * kilobytes(size(old)) : 0) + (is ? 2 * kilobytes(size(now)) : 0);
                }
            }
        }
        return units;
    }

    private Map<String, AttributeValue> read(String table, Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = standIn.getItem(g -> g.tableName(table).key(key).consistentRead(true))
                .item();
        return item == null ? Map.of() : item;
    }

    private static String tableOf(TransactWriteItem item) {
        return item.put() != null ? item.put().tableName() : item.update() != null ? item.update().tableName()
                : item.delete() != null ? item.delete().tableName() : item.conditionCheck().tableName();
    }

    private static Map<String, AttributeValue> keyOf(TransactWriteItem item) {
        if (item.put() != null) {
            return Map.of("pk", item.put().item().get("pk"), "sk", item.put().item().get("sk"));
        }
        return item.update() != null ? item.update().key() : item.delete() != null ? item.delete().key()
                : item.conditionCheck().key();
    }

    private static boolean inIndex(Map<String, AttributeValue> item, Index index) {
        return item.containsKey(index.partitionKey()) && (index.sortKey() == null
                || item.containsKey(index.sortKey()));
    }

    private static boolean sameKey(Map<String, AttributeValue> a, Map<String, AttributeValue> b, Index index) {
        return Objects.equals(a.get(index.partitionKey()), b.get(index.partitionKey()))
                && (index.sortKey() == null || Objects.equals(a.get(index.sortKey()), b.get(index.sortKey())));
    }

    private static long kilobytes(long bytes) {
        return bytes == 0 ? 0 : Math.max(1, (bytes + KB - 1) / KB);
    }

    /** An item's size as DynamoDB counts it: attribute names and values, numbers by their digits. */
    static long size(Map<String, AttributeValue> item) {
        long bytes = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            bytes += utf8(attribute.getKey()) + size(attribute.getValue());
        }
        return bytes;
    }

    private static long size(AttributeValue value) {
        if (value.s() != null) {
            return utf8(value.s());
        }
        if (value.n() != null) {
            return value.n().replaceAll("[^0-9]", "").replaceFirst("^0+(?=.)", "").length() / 2 + 1;
        }
        if (value.b() != null) {
            return value.b().asByteArray().length;
        }
        if (value.hasM()) {
            long bytes = 3;
            for (Map.Entry<String, AttributeValue> entry : value.m().entrySet()) {
                bytes += 1 + utf8(entry.getKey()) + size(entry.getValue());
            }
            return bytes;
        }
        if (value.hasL()) {
            long bytes = 3;
            for (AttributeValue element : value.l()) {
                bytes += 1 + size(element);
            }
            return bytes;
        }
        if (value.hasSs()) {
            return value.ss().stream().mapToLong(TransactionCapacity::utf8).sum();
        }
        return 1; // BOOL, NULL
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
