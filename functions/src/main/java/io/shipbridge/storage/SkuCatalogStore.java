package io.shipbridge.storage;

import static io.shipbridge.storage.Attrs.s;
import static io.shipbridge.storage.Attrs.string;

import io.shipbridge.catalog.CatalogItem;
import io.shipbridge.order.ParcelDimensions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The seller's SKU catalog: unit weight (and box measures) by SKU, since Mirakl orders carry no weight. */
public final class SkuCatalogStore {
    private static final int BATCH_GET_LIMIT = 100;
    private static final int BATCH_WRITE_LIMIT = 25;

    private final DynamoDbClient dynamoDb;
    private final String table;

    public SkuCatalogStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    public void put(String sku, BigDecimal weightKg) {
        putAll(List.of(new CatalogItem(sku, weightKg)));
    }

    /** Writes every item, overwriting what the catalog had for its SKU; writing the same items again changes nothing. */
    public void putAll(List<CatalogItem> items) {
        for (int start = 0; start < items.size(); start += BATCH_WRITE_LIMIT) {
            List<WriteRequest> writes = items.subList(start, Math.min(start + BATCH_WRITE_LIMIT, items.size()))
                    .stream().map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item(item))
                            .build()).build()).toList();
            Map<String, List<WriteRequest>> pending = Map.of(table, writes);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                BatchWriteItemResponse response = dynamoDb.batchWriteItem(b -> b.requestItems(request));
                pending = response.unprocessedItems();
            }
        }
    }

    /** The catalog entries of the SKUs it knows; unknown SKUs are simply absent from the result. */
    public Map<String, CatalogItem> items(Collection<String> skus) {
        Map<String, CatalogItem> found = new HashMap<>();
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(skus));
        for (int start = 0; start < distinct.size(); start += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> keys = distinct.subList(start,
                    Math.min(start + BATCH_GET_LIMIT, distinct.size())).stream()
                    .map(sku -> Map.of(Keys.PK, s("SKU#" + sku), Keys.SK, s("SKU"))).toList();
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> pending = request;
                BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(pending));
                response.responses().getOrDefault(table, List.of()).forEach(item -> {
                    CatalogItem entry = entry(item);
                    found.put(entry.sku(), entry);
                });
                request = response.unprocessedKeys();
            }
        }
        return found;
    }

    private static Map<String, AttributeValue> item(CatalogItem item) {
        Map<String, AttributeValue> attributes = new HashMap<>();
        attributes.put(Keys.PK, s("SKU#" + item.sku()));
        attributes.put(Keys.SK, s("SKU"));
        attributes.put("sku", s(item.sku()));
        attributes.put("weightKg", number(item.weightKg()));
        ParcelDimensions box = item.dimensionsCm();
        if (box != null) {
            attributes.put("lengthCm", number(box.lengthCm()));
            attributes.put("widthCm", number(box.widthCm()));
            attributes.put("heightCm", number(box.heightCm()));
        }
        return attributes;
    }

    private static CatalogItem entry(Map<String, AttributeValue> item) {
        ParcelDimensions box = item.containsKey("lengthCm") ? new ParcelDimensions(decimal(item, "lengthCm"),
                decimal(item, "widthCm"), decimal(item, "heightCm")) : null;
        return new CatalogItem(string(item, "sku"), decimal(item, "weightKg"), box);
    }

    private static AttributeValue number(BigDecimal value) {
        return AttributeValue.fromN(value.toPlainString());
    }

    private static BigDecimal decimal(Map<String, AttributeValue> item, String name) {
        return new BigDecimal(item.get(name).n());
    }
}
